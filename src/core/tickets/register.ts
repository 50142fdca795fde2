import { AWAITING_CALLBACK } from './callbacks';
import { FINAL_STATES, type TicketState } from './states';

/**
 * 前台受理登记: every request of a day, in China time. Kept free of zod: the register page uses
 * the groups and their names.
 */

/** What the register filters states by, in the desk's words. */
export const REGISTER_STATE_GROUPS = ['open', 'callback', 'closed', 'ended'] as const;
export type RegisterStateGroup = (typeof REGISTER_STATE_GROUPS)[number];

export const REGISTER_STATE_GROUP_NAMES: Record<RegisterStateGroup, string> = {
  open: '处理中',
  callback: '待回访',
  closed: '已完成',
  ended: '已取消/转介',
};

export const stateGroupOf = (state: TicketState): RegisterStateGroup => {
  if (AWAITING_CALLBACK.includes(state)) return 'callback';
  if (state === 'closed') return 'closed';
  if (FINAL_STATES.includes(state)) return 'ended';
  return 'open';
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day `YYYY-MM-DD` in the business zone as [from, to) in epoch ms; null for a date that does not exist. */
export const localDayRange = (date: string, utcOffsetMinutes: number): { from: number; to: number } | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const midnightUtc = Date.UTC(y, mo - 1, d);
  const back = new Date(midnightUtc);
  // 2026-02-30 would roll over into March: not a date anyone picked.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  const from = midnightUtc - utcOffsetMinutes * 60_000;
  return { from, to: from + DAY_MS };
};
