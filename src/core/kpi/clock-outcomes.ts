import type { Clock, ClockName, Ticket } from '../tickets/model';
import { FINAL_STATES } from '../tickets/states';

/**
 * The clocks the figures report on. Mostly the ticket's own clocks, but an IC card's `dispatch`
 * clock is its identity check (核验) and a public-area repair's `repair` clock is judged by its
 * size class (小修 60 minutes, 中修 3 working days, 大修 15): each gets its own on-time rate.
 */
export const KPI_CLOCKS = [
  'dispatch',
  'verify',
  'onSite',
  'return',
  'repairSmall',
  'repairMedium',
  'repairMajor',
  'report',
  'progress',
  'reply',
  'issue',
  'callback',
] as const;
export type KpiClock = (typeof KPI_CLOCKS)[number];

/**
 * met / missed: stopped by (or still running past) its deadline; running: not stopped and not
 * late yet; void: ended without the work it measures being due — the ticket was cancelled or
 * referred before the deadline, a paid quote took over from the end-of-day return, a public repair
 * was fixed before anything had to be reported. Void clocks are in no on-time rate.
 */
export type ClockOutcome = 'met' | 'missed' | 'running' | 'void';

const kpiName = (t: Ticket, name: ClockName): KpiClock => {
  if (name === 'dispatch' && t.kind === 'card') return 'verify';
  if (name === 'repair') return ({ small: 'repairSmall', medium: 'repairMedium', major: 'repairMajor' } as const)[t.publicSize ?? 'small'];
  return name;
};

/** When the ticket entered its final state (cancelled, referred, closed), or null while open. */
export const endedAt = (t: Ticket): number | null => {
  if (!FINAL_STATES.includes(t.state)) return null;
  return [...t.history].reverse().find((h) => h.to === t.state && h.from !== t.state)?.at ?? t.updatedAt;
};

/**
 * One clock's outcome. Paused time is already out of the deadline: resuming moves `dueAt` by the
 * pause (see sla/clocks resumeClock). A clock stopped while paused counts to its pause, the time
 * after it never counted. A running clock is missed once the sweep escalated it (its first step is
 * the breach itself), or when `now` is given and past its deadline.
 */
const outcomeOf = (t: Ticket, name: ClockName, c: Clock, now: number | undefined): ClockOutcome => {
  if (c.stoppedAt === undefined) {
    const at = c.pausedAt ?? now;
    return (c.escalations ?? 0) > 0 || (at !== undefined && at > c.dueAt) ? 'missed' : 'running';
  }
  const end = c.pausedAt !== undefined ? Math.min(c.pausedAt, c.stoppedAt) : c.stoppedAt;
  if (end > c.dueAt) return 'missed';
  const ended = t.state === 'cancelled' || t.state === 'referred' ? endedAt(t) : null;
  if (ended !== null && c.stoppedAt === ended) return 'void';
  if (name === 'return' && t.quote && c.stoppedAt === t.quote.at) return 'void';
  if (name === 'report' && !t.deferral) return 'void';
  return 'met';
};

/**
 * Each clock the ticket ran, by its KPI name. A clock that ran again (a reopened ticket's new
 * on-site clock, a complaint's next progress report) is judged on its last run: the ticket keeps
 * only that. `skip`: clocks left out (a sub-task's callback, which no owner gives).
 */
export const clockOutcomes = (t: Ticket, now?: number, skip: readonly ClockName[] = []): Partial<Record<KpiClock, ClockOutcome>> => {
  const out: Partial<Record<KpiClock, ClockOutcome>> = {};
  for (const [name, clock] of Object.entries(t.clocks) as [ClockName, Clock | undefined][]) {
    if (clock && !skip.includes(name)) out[kpiName(t, name)] = outcomeOf(t, name, clock, now);
  }
  return out;
};
