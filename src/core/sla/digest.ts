import { FINAL_STATES } from '../tickets/states';
import { KIND_NAMES } from '../tickets/kinds';
import type { Ticket } from '../tickets/model';
import { isBreached } from './clocks';

/** 每日待跟进报修: what the front desk checks each working morning (standards: once each working day). */
export interface DeskDigest {
  open: number;
  /** Of those, with a clock past its deadline. */
  breached: number;
  /** Still waiting for someone to take them (待派单). */
  unassigned: number;
  /** Ticket numbers, oldest first: what to call about first. */
  oldest: string[];
}

/** 昨日受理登记: yesterday's register and its anomalies, for the supervisor's morning review. */
export interface RegisterDigest {
  total: number;
  byKind: Record<Ticket['kind'], number>;
  /** Tickets of the day with a clock that ran out, reopened after a low rating, or cancelled. */
  anomalies: { no: string; what: string }[];
}

const breachedNow = (t: Ticket, now: number): boolean =>
  Object.values(t.clocks).some((c) => !!c && isBreached(c, now) && (c.stoppedAt === undefined || c.stoppedAt > c.dueAt));

export const deskDigest = (tickets: readonly Ticket[], now: number): DeskDigest => {
  const open = tickets.filter((t) => t.kind === 'repair' && !FINAL_STATES.includes(t.state)).sort((a, b) => a.createdAt - b.createdAt);
  return {
    open: open.length,
    breached: open.filter((t) => breachedNow(t, now)).length,
    unassigned: open.filter((t) => t.state === 'submitted').length,
    oldest: open.slice(0, 5).map((t) => t.no),
  };
};

export const registerDigest = (tickets: readonly Ticket[], now: number): RegisterDigest => {
  const byKind: Record<Ticket['kind'], number> = { repair: 0, complaint: 0, card: 0 };
  const anomalies: RegisterDigest['anomalies'] = [];
  for (const t of tickets) {
    byKind[t.kind] += 1;
    const why = [
      breachedNow(t, now) ? '超时' : '',
      t.reopenCount > 0 ? '返修' : '',
      t.state === 'cancelled' ? '已取消' : '',
    ].filter(Boolean);
    if (why.length) anomalies.push({ no: t.no, what: `${KIND_NAMES[t.kind]}·${why.join('、')}` });
  }
  return { total: tickets.length, byKind, anomalies };
};

/** The digest as the message's short lines (a subscription message field holds 20 characters). */
export const deskDigestLine = (d: DeskDigest): string =>
  d.open === 0 ? '今日无待跟进报修' : `待跟进${d.open}单，超时${d.breached}单，待派${d.unassigned}单`;

export const registerDigestLine = (d: RegisterDigest): string =>
  `昨日受理${d.total}单，异常${d.anomalies.length}单`;
