/** The kinds of request an owner can make; each has its own workflow and number prefix. */
export const TICKET_KINDS = ['repair', 'complaint', 'card'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export const KIND_NAMES: Record<TicketKind, string> = {
  repair: '报修',
  complaint: '投诉',
  card: 'IC卡',
};

/** Ticket numbers owners read out on the phone start with the kind: BX 报修, TS 投诉, KP 卡片. */
export const NUMBER_PREFIX: Record<TicketKind, string> = {
  repair: 'BX',
  complaint: 'TS',
  card: 'KP',
};

/** What the person handling each kind is called in the owner's words. */
export const HANDLER_NAMES: Record<TicketKind, string> = {
  repair: '维修师傅',
  complaint: '客服管家',
  card: '客服前台',
};
