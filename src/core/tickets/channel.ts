import type { RegisteredBy, TicketChannel } from './model';

/** How a request reached us, in the desk's words (受理方式). Kept free of zod: pages use it. */
export const CHANNEL_NAMES: Record<TicketChannel, string> = {
  wechat: '微信',
  phone: '电话',
  walk_in: '到访',
};

/** Channels the desk registers for an owner (代客登记): the app is the owner's own. */
export const DESK_CHANNELS = ['phone', 'walk_in'] as const satisfies readonly TicketChannel[];
export type DeskChannel = (typeof DESK_CHANNELS)[number];

/** The submit entry's note of a request registered for the owner: "陈前台代客登记（电话）". */
export const registrationNote = (by: RegisteredBy, channel: TicketChannel): string => `${by.name}代客登记（${CHANNEL_NAMES[channel]}）`;

/** 来源 as a line: "电话（陈前台代客登记）", or "微信" for the owner's own submission. */
export const sourceLine = (channel: TicketChannel, by: { name: string } | null): string =>
  by ? `${CHANNEL_NAMES[channel]}（${by.name}代客登记）` : CHANNEL_NAMES[channel];
