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
