import { DEFAULT_POLICY, MINUTE, type KpiPolicy } from '../sla/policy';
import { KPI_CLOCKS, type KpiClock } from './clock-outcomes';
import type { Tally } from './tally';

/** A rate: num / den as a fraction 0–1, null when nothing was counted (never NaN); with its target. */
export interface Rate {
  value: number | null;
  num: number;
  den: number;
  target: number | null;
}

/** Durations in ms: the average (rounded to the ms) and the 90th percentile, nearest rank. */
export interface Duration {
  count: number;
  avgMs: number | null;
  p90Ms: number | null;
  targetMs: number | null;
}

/**
 * The figures of a set of tickets. Definitions:
 * - volume: every ticket, sub-tasks included; requests: owners' requests (no sub-tasks).
 * - completionRate: work finished (returned, awaiting callback or closed) / tickets not cancelled
 *   (a referred ticket ended "not as done", standards; a reopened one back in work is not done).
 * - onTime[clock]: met / (met + missed); running and void clocks are left out.
 * - callbackRate: real callbacks (owner rating in the app, or a phone callback recorded by the desk)
 *   / owners' requests whose callback is owed (returned and called back, closed without one, or
 *   past the callback deadline). An automatic close is owed and not a callback.
 * - satisfaction.handling / .staff: ratings above the reopen threshold / real callbacks rated.
 * - reopenRate: owners' requests reopened at least once / owners' requests returned at least once.
 * - complaintsAboutStaff: complaints naming a staff member or a ticket's handler.
 * - time.*: elapsed from the request to dispatch, first arrival, first return, close.
 */
/** The plain counts, as tallied. */
type Counts = Pick<Tally, 'volume' | 'requests' | 'subtasks' | 'open' | 'closed' | 'cancelled' | 'referred'>;

export interface Figures extends Counts {
  completionRate: Rate;
  onTime: Record<KpiClock, Rate>;
  callbackRate: Rate;
  callbacks: { owner: number; phone: number; auto: number; due: number };
  satisfaction: { handling: Rate; staff: Rate };
  reopenRate: Rate;
  reopens: number;
  complaints: number;
  complaintsAboutStaff: number;
  time: { dispatch: Duration; arrive: Duration; return: Duration; close: Duration };
  cardTurnaround: Duration;
}

export const rate = (num: number, den: number, target: number | null): Rate => ({ value: den > 0 ? num / den : null, num, den, target });

/** Nearest-rank percentile of an ascending list: the value at rank ⌈p·n⌉ (1-based); null when empty. */
export const percentile = (sorted: readonly number[], p: number): number | null =>
  sorted.length ? sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1] : null;

export const duration = (sorted: readonly number[], targetMs: number | null = null): Duration => ({
  count: sorted.length,
  avgMs: sorted.length ? Math.round(sorted.reduce((s, ms) => s + ms, 0) / sorted.length) : null,
  p90Ms: percentile(sorted, 0.9),
  targetMs,
});

/** The figures of a tally, against the policy's targets. */
export const figuresOf = (t: Tally, kpi: KpiPolicy = DEFAULT_POLICY.kpi): Figures => {
  const g = kpi.targets;
  const real = t.callbackOwner + t.callbackPhone;
  return {
    volume: t.volume,
    requests: t.requests,
    subtasks: t.subtasks,
    open: t.open,
    closed: t.closed,
    cancelled: t.cancelled,
    referred: t.referred,
    completionRate: rate(t.done, t.volume - t.cancelled, g.completionRate),
    onTime: Object.fromEntries(
      KPI_CLOCKS.map((c) => [c, rate(t.clocks[c].met, t.clocks[c].met + t.clocks[c].missed, g.onTimeRate)]),
    ) as Record<KpiClock, Rate>,
    callbackRate: rate(real, t.callbackDue, g.callbackRate),
    callbacks: { owner: t.callbackOwner, phone: t.callbackPhone, auto: t.callbackAuto, due: t.callbackDue },
    satisfaction: {
      handling: rate(t.handlingSatisfied, t.rated, g.satisfactionRate),
      staff: rate(t.staffSatisfied, t.rated, g.satisfactionRate),
    },
    reopenRate: rate(t.reopened, t.returned, g.reopenRate),
    reopens: t.reopens,
    complaints: t.complaints,
    complaintsAboutStaff: t.complaintsAboutStaff,
    time: {
      dispatch: duration(t.durations.dispatch),
      arrive: duration(t.durations.arrive),
      return: duration(t.durations.return),
      close: duration(t.durations.close),
    },
    cardTurnaround: duration(t.durations.card, g.cardTurnaroundMinutes === null ? null : g.cardTurnaroundMinutes * MINUTE),
  };
};
