import type { FieldKind } from './fields';

/**
 * The subscription-message templates the product sends. Template ids differ per mini-program
 * and live in configuration (env `TEMPLATE_ID_<KEY>`); here are only keys, titles and fields.
 */
export const TEMPLATE_KEYS = [
  'task_assigned',
  'task_reopened',
  'ticket_cancelled',
  'task_urged',
  'sla_reminder',
  'sla_escalation',
  'dispatch_help',
  'daily_digest',
  'order_accepted',
  'quote_pending',
  'repair_done',
  'ticket_referred',
  'appointment_changed',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface TemplateSpec {
  title: string;
  audience: 'owner' | 'staff';
  fields: Record<string, FieldKind>;
}

export const TEMPLATES: Record<TemplateKey, TemplateSpec> = {
  task_assigned: {
    title: '新任务提醒',
    audience: 'staff',
    fields: { character_string1: 'character_string', thing2: 'thing', thing3: 'thing', time4: 'time', phrase5: 'phrase' },
  },
  task_reopened: {
    title: '返修提醒',
    audience: 'staff',
    fields: { character_string1: 'character_string', thing2: 'thing', thing3: 'thing', time4: 'time' },
  },
  ticket_cancelled: {
    title: '工单取消通知',
    audience: 'staff',
    fields: { character_string1: 'character_string', thing2: 'thing', thing3: 'thing', time4: 'time' },
  },
  task_urged: {
    title: '催办提醒',
    audience: 'staff',
    fields: { character_string1: 'character_string', thing2: 'thing', thing3: 'thing', time4: 'time' },
  },
  sla_reminder: {
    title: '工单时限提醒',
    audience: 'staff',
    fields: { character_string1: 'character_string', thing2: 'thing', thing3: 'thing', time4: 'time' },
  },
  sla_escalation: {
    title: '工单超时提醒',
    audience: 'staff',
    fields: { character_string1: 'character_string', thing2: 'thing', thing3: 'thing', time4: 'time' },
  },
  dispatch_help: {
    title: '待派单协调提醒',
    audience: 'staff',
    fields: { character_string1: 'character_string', thing2: 'thing', thing3: 'thing', time4: 'time' },
  },
  daily_digest: {
    title: '每日工作提醒',
    audience: 'staff',
    fields: { thing1: 'thing', thing2: 'thing', time3: 'time' },
  },
  order_accepted: {
    title: '接单通知',
    audience: 'owner',
    fields: { character_string1: 'character_string', thing2: 'thing', name3: 'name', phone_number4: 'phone_number', time5: 'time' },
  },
  quote_pending: {
    title: '报价确认提醒',
    audience: 'owner',
    fields: { character_string1: 'character_string', thing2: 'thing', amount3: 'amount', thing4: 'thing' },
  },
  repair_done: {
    title: '维修完成通知',
    audience: 'owner',
    fields: { character_string1: 'character_string', thing2: 'thing', name3: 'name', time4: 'time', thing5: 'thing' },
  },
  ticket_referred: {
    title: '工单转介通知',
    audience: 'owner',
    fields: { character_string1: 'character_string', thing2: 'thing', thing3: 'thing', time4: 'time' },
  },
  // 改约通知: 工单编号, 服务内容, 新的上门时间, 原因. Not asked at a repair's submit (three are
  // already asked there, WeChat's limit per tap): sent only when the owner granted it otherwise.
  appointment_changed: {
    title: '改约通知',
    audience: 'owner',
    fields: { character_string1: 'character_string', thing2: 'thing', time3: 'time', thing4: 'thing' },
  },
};

/** Templates an owner is asked to accept when submitting a repair (WeChat allows 3 per tap). */
export const OWNER_SUBMIT_TEMPLATES: readonly TemplateKey[] = ['order_accepted', 'quote_pending', 'repair_done'];
/** Complaints and IC cards have no quote: accepted and done-please-rate only. */
export const OWNER_SERVICE_TEMPLATES: readonly TemplateKey[] = ['order_accepted', 'repair_done'];
/** Templates a staff member is asked to accept on each natural tap (open inbox, accept, finish). */
export const STAFF_TEMPLATES: readonly TemplateKey[] = ['task_assigned', 'task_reopened', 'ticket_cancelled'];

/**
 * What each role is asked for on its taps (3 at most): team leads also take the pool's asks,
 * supervisors and managers get the asks, escalations and the morning digest, not tasks.
 */
export const staffTemplatesFor = (role: string): readonly TemplateKey[] =>
  role === 'team_lead'
    ? ['task_assigned', 'dispatch_help', 'task_reopened']
    : role === 'supervisor' || role === 'manager'
      ? ['dispatch_help', 'sla_escalation', 'daily_digest']
      : STAFF_TEMPLATES;

/** The reminder whose count a role sees on its inbox ("剩余提醒次数"). */
export const mainTemplateFor = (role: string): TemplateKey =>
  role === 'supervisor' || role === 'manager' ? 'dispatch_help' : 'task_assigned';

export const templateEnvName = (key: TemplateKey): string => `TEMPLATE_ID_${key.toUpperCase()}`;
