import { KPI_CLOCKS, type KpiClock } from './clock-outcomes';
import type { TicketFacts } from './facts';

export const DURATIONS = ['dispatch', 'arrive', 'return', 'close', 'card'] as const;
export type DurationName = (typeof DURATIONS)[number];

export interface ClockCounts {
  met: number;
  missed: number;
  running: number;
  void: number;
}

/**
 * Counts and raw durations from which every figure follows. Mergeable: the tally of a month is the
 * merge of its days' tallies (counts add up; duration lists, kept sorted, are merged), so a rollup
 * may store tallies per day and still give exact averages and percentiles. Plain JSON.
 */
export interface Tally {
  /** Every ticket, sub-tasks included: the work of a team or a person. */
  volume: number;
  /** Owners' requests: volume without sub-tasks. */
  requests: number;
  subtasks: number;
  open: number;
  closed: number;
  cancelled: number;
  referred: number;
  /** Work finished (returned, awaiting callback, closed). */
  done: number;
  clocks: Record<KpiClock, ClockCounts>;
  /** Owners' requests returned at least once (reached the callback stage). */
  returned: number;
  /** Of those, whose callback is owed now (see TicketFacts.callbackDue). */
  callbackDue: number;
  callbackOwner: number;
  callbackPhone: number;
  /** Closed without a real callback. */
  callbackAuto: number;
  /** Real callbacks with a rating (owner or phone): the satisfaction base. */
  rated: number;
  handlingSatisfied: number;
  staffSatisfied: number;
  /** Owners' requests reopened at least once, and reopens in all. */
  reopened: number;
  reopens: number;
  complaints: number;
  complaintsAboutStaff: number;
  /** Raw durations in ms, ascending. */
  durations: Record<DurationName, number[]>;
}

const noClocks = (): ClockCounts => ({ met: 0, missed: 0, running: 0, void: 0 });

export const emptyTally = (): Tally => ({
  volume: 0,
  requests: 0,
  subtasks: 0,
  open: 0,
  closed: 0,
  cancelled: 0,
  referred: 0,
  done: 0,
  clocks: Object.fromEntries(KPI_CLOCKS.map((c) => [c, noClocks()])) as Record<KpiClock, ClockCounts>,
  returned: 0,
  callbackDue: 0,
  callbackOwner: 0,
  callbackPhone: 0,
  callbackAuto: 0,
  rated: 0,
  handlingSatisfied: 0,
  staffSatisfied: 0,
  reopened: 0,
  reopens: 0,
  complaints: 0,
  complaintsAboutStaff: 0,
  durations: { dispatch: [], arrive: [], return: [], close: [], card: [] },
});

const ascending = (a: number, b: number) => a - b;
const n = (b: boolean): number => (b ? 1 : 0);

/**
 * Adds one ticket's facts into `t` in place (durations appended unsorted: the caller sorts once,
 * see tallyOf). One accumulator per group keeps a view of 100,000 tickets from allocating a tally
 * per ticket.
 */
const addFacts = (t: Tally, f: TicketFacts): void => {
  const request = !f.subtask;
  t.volume += 1;
  t.requests += n(request);
  t.subtasks += n(f.subtask);
  t[f.outcome] += 1;
  t.done += n(f.done);
  for (const clock in f.clocks) t.clocks[clock as KpiClock][f.clocks[clock as KpiClock]!] += 1;
  if (request) {
    t.returned += n(f.returned);
    t.callbackDue += n(f.callbackDue);
    t.callbackOwner += n(f.callback === 'owner');
    t.callbackPhone += n(f.callback === 'phone');
    t.callbackAuto += n(f.callback === 'auto');
    t.rated += n(!!f.rating);
    t.handlingSatisfied += n(!!f.rating?.handlingSatisfied);
    t.staffSatisfied += n(!!f.rating?.staffSatisfied);
    t.reopened += n(f.reopenCount > 0);
    t.reopens += f.reopenCount;
  }
  t.complaints += n(f.kind === 'complaint');
  t.complaintsAboutStaff += n(f.kind === 'complaint' && f.aboutStaff !== null);
  const d = t.durations;
  if (f.ms.dispatch !== null) d.dispatch.push(f.ms.dispatch);
  if (f.ms.arrive !== null) d.arrive.push(f.ms.arrive);
  if (f.ms.return !== null) d.return.push(f.ms.return);
  if (f.ms.close !== null) d.close.push(f.ms.close);
  if (f.cardTurnaroundMs !== null) d.card.push(f.cardTurnaroundMs);
};

const sortDurations = (t: Tally): Tally => {
  for (const d of DURATIONS) t.durations[d].sort(ascending);
  return t;
};

/** The tally of one ticket's facts. */
export const tallyOfOne = (f: TicketFacts): Tally => tallyOf([f]);

/** The plain counters of a tally (everything but clocks and durations). */
const COUNTS = [
  'volume', 'requests', 'subtasks', 'open', 'closed', 'cancelled', 'referred', 'done', 'returned', 'callbackDue', 'callbackOwner',
  'callbackPhone', 'callbackAuto', 'rated', 'handlingSatisfied', 'staffSatisfied', 'reopened', 'reopens', 'complaints', 'complaintsAboutStaff',
] as const satisfies readonly (keyof Tally)[];
const OUTCOMES = ['met', 'missed', 'running', 'void'] as const satisfies readonly (keyof ClockCounts)[];

/**
 * Merges tallies (associative and commutative; the empty tally is its unit). Adds into one
 * accumulator and sorts each duration list once, so a month of 100,000 tickets stays linear-ish.
 */
export const mergeTallies = (tallies: readonly Tally[]): Tally => {
  const out = emptyTally();
  for (const t of tallies) {
    for (const key of COUNTS) out[key] += t[key];
    for (const c of KPI_CLOCKS) for (const o of OUTCOMES) out.clocks[c][o] += t.clocks[c][o];
    for (const d of DURATIONS) for (const ms of t.durations[d]) out.durations[d].push(ms);
  }
  for (const d of DURATIONS) out.durations[d].sort(ascending);
  return out;
};

/** The tally of many tickets' facts. */
export const tallyOf = (facts: readonly TicketFacts[]): Tally => {
  const t = emptyTally();
  for (const f of facts) addFacts(t, f);
  return sortDurations(t);
};
