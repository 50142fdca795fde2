import { CARD_ACTION_NAMES, findCardType } from '../catalog/cards';
import { findCategory } from '../catalog/categories';
import { findComplaintCategory } from '../catalog/complaints';
import { formatLocal } from '../sla/time';
import type { Policy } from '../sla/policy';
import { attemptsThisRound, AWAITING_CALLBACK } from '../tickets/callbacks';
import { CLOCK_LABELS } from '../tickets/clock-labels';
import type { StaffRef } from '../tickets/events';
import type { ClockName, Ticket } from '../tickets/model';
import { STATE_LABELS } from '../tickets/states';
import { fitField } from './fields';
import { TEMPLATES, type TemplateKey } from './templates';

export interface MessagePlan {
  template: TemplateKey;
  recipient: 'owner' | 'assignee' | 'staff';
  /** The staff member a 'staff' message is for (their credits pay for it). */
  staffId?: string;
  touser: string;
  /** Mini-program page the message opens, with the ticket id. */
  page: string;
  /** Field values, already cut to WeChat's limits. */
  data: Record<string, string>;
}

const yuan = (fen: number): string => `${(fen / 100).toFixed(2)}元`;

const place = (t: Ticket): string =>
  t.area === 'public' ? `公共区域 ${t.unit.building}` : `${t.unit.building}${t.unit.unit}${t.unit.room}`;

/** What the ticket is about, in a few words: 水电·1栋1单元1201, 投诉·环境卫生, 停车卡·挂失. */
export const whatOf = (t: Ticket): string => {
  if (t.kind === 'complaint') return `投诉·${findComplaintCategory(t.category)?.name ?? '其他'}`;
  if (t.kind === 'card' && t.card) return `${findCardType(t.card.type)?.name ?? 'IC卡'}·${CARD_ACTION_NAMES[t.card.action]}`;
  return `${findCategory(t.category)?.name ?? '报修'}·${place(t)}`;
};

/** Raw field values per template, before fitting; keys follow the template's field list. */
const VALUES: Record<TemplateKey, (t: Ticket, now: string, utcOffsetMinutes: number) => string[]> = {
  task_assigned: (t, now) => [t.no, whatOf(t), t.description, now, t.urgent ? '紧急' : '普通'],
  task_reopened: (t, now) => [t.no, whatOf(t), `业主评价不满意：${t.rating?.comment || '请联系业主'}`, now],
  // Also what a supervisor's 改派 tells the person the task was taken from.
  ticket_cancelled: (t, now) => [t.no, whatOf(t), t.cancelReason || (t.handedOn?.event === 'reassign' ? `已改派给${t.handedOn.to}` : '业主取消'), now],
  task_urged: (t, now) => [t.no, whatOf(t), '业主催办，请尽快处理', now],
  sla_reminder: (t, now) => [t.no, whatOf(t), dueSoon(t), now],
  sla_escalation: (t, now) => [t.no, whatOf(t), overdue(t), now],
  dispatch_help: (t, now) => [t.no, whatOf(t), t.help?.reason ?? '请协调派单', now],
  // Digests are about many tickets, not one: sent by the digest job (see digestMessage), never queued.
  daily_digest: (_t, now) => ['每日工作提醒', '', now],
  order_accepted: (t, now) => [t.no, whatOf(t), t.assignee?.name ?? '', t.assignee?.phone ?? '', now],
  quote_pending: (t) => [t.no, whatOf(t), yuan(t.quote?.totalFen ?? 0), '请在小程序内确认报价后开工'],
  repair_done: (t, now) => [t.no, whatOf(t), t.assignee?.name ?? '', now, '请对本次服务进行评价'],
  ticket_referred: (t, now) => [t.no, whatOf(t), `请联系：${t.referral?.contact ?? ''}`, now],
  appointment_changed: (t, _now, offset) => [t.no, whatOf(t), visitTime(t, offset), t.rescheduled?.reason ?? '上门时间调整'],
};

/** 新的上门时间 as WeChat's time field takes a span: 2025年11月23日 09:00~12:00. */
export const visitTime = (t: Pick<Ticket, 'appointment'>, offsetMinutes: number): string =>
  t.appointment
    ? `${formatLocal(t.appointment.start, offsetMinutes, 'YYYY年M月D日 HH:mm')}~${formatLocal(t.appointment.end, offsetMinutes, 'HH:mm')}`
    : '尽快上门';

const PAGES: Record<'owner' | 'assignee' | 'staff', string> = {
  owner: 'pages/ticket/detail',
  assignee: 'staff/task/index',
  staff: 'staff/task/index',
};

/** The clock that runs out first, by its label: what a reminder or escalation is about. */
const firstClock = (t: Ticket): string => {
  const running = (Object.entries(t.clocks) as [ClockName, NonNullable<Ticket['clocks'][ClockName]>][])
    .filter(([, c]) => c.stoppedAt === undefined)
    .sort((a, b) => a[1].dueAt - b[1].dueAt);
  return running.length ? CLOCK_LABELS[running[0][0]] : '服务时限';
};
const dueSoon = (t: Ticket): string => `${firstClock(t)}即将到期，请尽快处理`;
const overdue = (t: Ticket): string => {
  // Waiting for a callback the desk could not make: that is what the supervisor needs to hear.
  const unreached = AWAITING_CALLBACK.includes(t.state) ? attemptsThisRound(t).length : 0;
  if (unreached > 0) return `${unreached}次回访未联系上业主`;
  return `${firstClock(t)}已超时${t.assignee ? `，处理人${t.assignee.name}` : '，尚无人接单'}`;
};

/**
 * The message for one template and recipient — the owner, the assignee, or a named staff member
 * (an escalation) — or null when that recipient does not exist yet.
 */
export const planMessage = (
  template: TemplateKey,
  to: 'owner' | 'assignee' | StaffRef,
  ticket: Ticket,
  now: number,
  policy: Policy,
): MessagePlan | null => {
  const recipient = typeof to === 'string' ? to : 'staff';
  const touser = to === 'owner' ? ticket.owner.openid : to === 'assignee' ? ticket.assignee?.openid : to.openid;
  if (!touser) return null;
  const spec = TEMPLATES[template];
  const raw = VALUES[template](ticket, formatLocal(now, policy.utcOffsetMinutes), policy.utcOffsetMinutes);
  const data: Record<string, string> = {};
  Object.entries(spec.fields).forEach(([field, kind], i) => {
    data[field] = fitField(kind, raw[i] ?? '');
  });
  const staffId = typeof to === 'string' ? undefined : to.staffId;
  return { template, recipient, ...(staffId ? { staffId } : {}), touser, page: `${PAGES[recipient]}?id=${ticket._id}`, data };
};

/** Short progress line for in-app lists (also used when no message could be pushed). */
export const progressLine = (t: Ticket): string => `${whatOf(t)}：${STATE_LABELS[t.state]}`;

/** A daily digest message for one staff member (not about one ticket: it opens their task list). */
export const digestMessage = (title: string, line: string, now: number, policy: Policy): { page: string; data: Record<string, string> } => {
  const values = [title, line, formatLocal(now, policy.utcOffsetMinutes)];
  const data: Record<string, string> = {};
  Object.entries(TEMPLATES.daily_digest.fields).forEach(([field, kind], i) => {
    data[field] = fitField(kind, values[i]);
  });
  return { page: 'staff/inbox/index', data };
};
