/**
 * IC cards (003 #11): the card types a community issues and what an owner may ask for each.
 * Configuration data; the reissue fee (成本费) lives in the policy.
 */
export interface CardType {
  id: string;
  name: string;
  icon: string;
}

export const CARD_TYPES = [
  { id: 'access', name: '门禁卡/业主卡', icon: '🔑' },
  { id: 'parking', name: '停车卡', icon: '🅿️' },
  { id: 'water', name: '水卡', icon: '💧' },
  { id: 'power', name: '电卡', icon: '⚡' },
] as const satisfies readonly CardType[];

export type CardTypeId = (typeof CARD_TYPES)[number]['id'];
export const CARD_TYPE_IDS = CARD_TYPES.map((c) => c.id) as [CardTypeId, ...CardTypeId[]];

/** open: 开通/领卡; lost: 挂失; reissue: 补办 (only after a loss report of the same card). */
export const CARD_ACTIONS = ['open', 'lost', 'reissue'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

export const CARD_ACTION_NAMES: Record<CardAction, string> = {
  open: '开通/领卡',
  lost: '挂失',
  reissue: '补办',
};

export const findCardType = (id: string): CardType | undefined => CARD_TYPES.find((c) => c.id === id);
