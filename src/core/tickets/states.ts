import type { TicketKind } from './kinds';

/** Every state a repair ticket can be in. Strings, never numbers: they are read in the database. */
export const TICKET_STATES = [
  'submitted',
  'dispatched',
  'accepted',
  'on_site',
  'awaiting_confirmation',
  'in_progress',
  'returned',
  'callback_pending',
  'closed',
  'cancelled',
  'referred',
  'reopened',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const FINAL_STATES: readonly TicketState[] = ['closed', 'cancelled', 'referred'];

/** States in which a ticket still needs someone's work: they count as a technician's open tasks. */
export const OPEN_STATES: readonly TicketState[] = TICKET_STATES.filter(
  (s) => !FINAL_STATES.includes(s),
);

/** Owner-facing names of the states (用于进度展示). */
export const STATE_LABELS: Record<TicketState, string> = {
  submitted: '待派单',
  dispatched: '已派单',
  accepted: '已接单',
  on_site: '师傅已到场',
  awaiting_confirmation: '待确认报价',
  in_progress: '维修中',
  returned: '已完工',
  callback_pending: '待评价',
  closed: '已完成',
  cancelled: '已取消',
  referred: '已转介',
  reopened: '返修中',
};

/** Where a kind names a state differently from a repair. */
export const KIND_STATE_LABELS: Partial<Record<TicketKind, Partial<Record<TicketState, string>>>> = {
  complaint: { submitted: '待受理', dispatched: '待受理', accepted: '处理中', returned: '已处理', cancelled: '已撤销', reopened: '继续处理' },
  card: { submitted: '待核验', dispatched: '待核验', accepted: '办理中', returned: '已办好' },
};

/** An IC card after the identity check, waiting for engineering to do the card. */
export const CARD_ISSUE_STATE_LABELS: Partial<Record<TicketState, string>> = { submitted: '待办卡', dispatched: '待办卡' };

/** `stage`: an IC card's stage (after the identity check it waits for engineering, not for the desk). */
export const stateLabel = (kind: TicketKind, state: TicketState, stage?: 'verify' | 'issue'): string =>
  (kind === 'card' && stage === 'issue' ? CARD_ISSUE_STATE_LABELS[state] : undefined) ?? KIND_STATE_LABELS[kind]?.[state] ?? STATE_LABELS[state];
