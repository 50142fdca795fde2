import { CARD_ACTION_NAMES, findCardType } from '../catalog/cards';
import { findCategory } from '../catalog/categories';
import { findComplaintCategory } from '../catalog/complaints';
import { formatLocal } from '../sla/time';
import type { Policy } from '../sla/policy';
import type { Ticket } from '../tickets/model';
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

const place = (t: Ticket): string =>
  t.area === 'public' ? `公共区域 ${t.unit.building}` : `${t.unit.building}${t.unit.unit}${t.unit.room}`;

/** What the ticket is about, in a few words: 水电·1栋1单元1201, 投诉·环境卫生, 停车卡·挂失. */
export const whatOf = (t: Ticket): string => {
  if (t.kind === 'complaint') return `投诉·${findComplaintCategory(t.category)?.name ?? '其他'}`;
  if (t.kind === 'card' && t.card) return `${findCardType(t.card.type)?.name ?? 'IC卡'}·${CARD_ACTION_NAMES[t.card.action]}`;
  return `${findCategory(t.category)?.name ?? '报修'}·${place(t)}`;
};

/** Raw field values per template, before fitting; keys follow the template's field list. */
const VALUES: Record<TemplateKey, (t: Ticket, now: string) => string[]> = {
  task_assigned: (t, now) => [t.no, whatOf(t), t.description, now, t.urgent ? '紧急' : '普通'],
  task_reopened: (t, now) => [t.no, whatOf(t), `业主评价不满意：${t.rating?.comment || '请联系业主'}`, now],
  ticket_cancelled: (t, now) => [t.no, whatOf(t), t.cancelReason || '业主取消', now],
  task_urged: (t, now) => [t.no, whatOf(t), '业主催办，请尽快处理', now],
  order_accepted: (t, now) => [t.no, whatOf(t), t.assignee?.name ?? '', t.assignee?.phone ?? '', now],
  quote_pending: (t) => [t.no, whatOf(t), yuan(t.quote?.totalFen ?? 0), '请在小程序内确认报价后开工'],
  repair_done: (t, now) => [t.no, whatOf(t), t.assignee?.name ?? '', now, '请对本次服务进行评价'],
  ticket_referred: (t, now) => [t.no, whatOf(t), `请联系：${t.referral?.contact ?? ''}`, now],
};

const PAGES: Record<'owner' | 'assignee', string> = {
  owner: 'pages/ticket/detail',
  assignee: 'staff/task/index',
};

/** The message for one template and recipient, or null when that recipient does not exist yet. */
export const planMessage = (
  template: TemplateKey,
  recipient: 'owner' | 'assignee',
  ticket: Ticket,
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
export const progressLine = (t: Ticket): string => `${whatOf(t)}：${STATE_LABELS[t.state]}`;
