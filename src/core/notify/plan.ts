import { findCategory } from '../catalog/categories';
import { formatLocal } from '../sla/time';
import type { Policy } from '../sla/policy';
import type { RepairTicket } from '../tickets/model';
import { STATE_LABELS } from '../tickets/states';
import { fitField } from './fields';
import { TEMPLATES, type TemplateKey } from './templates';

export interface MessagePlan {
  template: TemplateKey;
  recipient: 'owner' | 'assignee';
  touser: string;
  /** Mini-program page the message opens, with the ticket id. */
  page: string;
  /** Field values, already cut to WeChat's limits. */
  data: Record<string, string>;
}

const yuan = (fen: number): string => `${(fen / 100).toFixed(2)}元`;

const place = (t: RepairTicket): string =>
  t.area === 'public' ? `公共区域 ${t.unit.building}` : `${t.unit.building}${t.unit.unit}${t.unit.room}`;

const what = (t: RepairTicket): string => `${findCategory(t.category)?.name ?? '报修'}·${place(t)}`;

/** Raw field values per template, before fitting; keys follow the template's field list. */
const VALUES: Record<TemplateKey, (t: RepairTicket, now: string) => string[]> = {
  task_assigned: (t, now) => [t.no, what(t), t.description, now, t.urgent ? '紧急' : '普通'],
  task_reopened: (t, now) => [t.no, what(t), `业主评价不满意：${t.rating?.comment || '请联系业主'}`, now],
  ticket_cancelled: (t, now) => [t.no, what(t), t.cancelReason || '业主取消', now],
  order_accepted: (t, now) => [t.no, what(t), t.assignee?.name ?? '', t.assignee?.phone ?? '', now],
  quote_pending: (t) => [t.no, what(t), yuan(t.quote?.totalFen ?? 0), '请在小程序内确认报价后开工'],
  repair_done: (t, now) => [t.no, what(t), t.assignee?.name ?? '', now, '请对本次服务进行评价'],
  ticket_referred: (t, now) => [t.no, what(t), `请联系：${t.referral?.contact ?? ''}`, now],
};

const PAGES: Record<'owner' | 'assignee', string> = {
  owner: 'pages/ticket/detail',
  assignee: 'staff/task/index',
};

/** The message for one template and recipient, or null when that recipient does not exist yet. */
export const planMessage = (
  template: TemplateKey,
  recipient: 'owner' | 'assignee',
  ticket: RepairTicket,
  now: number,
  policy: Policy,
): MessagePlan | null => {
  const touser = recipient === 'owner' ? ticket.owner.openid : ticket.assignee?.openid;
  if (!touser) return null;
  const spec = TEMPLATES[template];
  const raw = VALUES[template](ticket, formatLocal(now, policy.utcOffsetMinutes));
  const data: Record<string, string> = {};
  Object.entries(spec.fields).forEach(([field, kind], i) => {
    data[field] = fitField(kind, raw[i] ?? '');
  });
  return { template, recipient, touser, page: `${PAGES[recipient]}?id=${ticket._id}`, data };
};

/** Short progress line for in-app lists (also used when no message could be pushed). */
export const progressLine = (t: RepairTicket): string => `${what(t)}：${STATE_LABELS[t.state]}`;
