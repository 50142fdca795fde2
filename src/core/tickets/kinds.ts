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

/**
 * What the person handling each kind is called in the owner's words. An IC card has two: the
 * front desk checks identity, engineering does the card (the ticket view names the stage's).
 */
export const HANDLER_NAMES: Record<TicketKind, string> = {
  repair: '维修师傅',
  complaint: '客服管家',
  card: '经办人',
};

/** Who handles an IC card in each stage (003 #11), in the owner's words. */
export const CARD_HANDLER_NAMES: Record<'verify' | 'issue', string> = { verify: '客服前台', issue: '工程人员' };
