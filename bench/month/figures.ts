/**
 * The month's figures, from what the database holds at the end, the messages WeChat received and
 * what the driver saw of each call. Each says in its comment what it counts.
 */
import { percentile } from '../../src/core/kpi/figures';
import type { ClockName, Ticket } from '../../src/core/tickets/model';
import type { SubscribeMessageRecord } from '../../src/local/emulator/wx-api';
import { addServiceTime, serviceHoursOf } from './service-time';

/** Clocks whose deadline is a promise the owner reads (ownerPromise in core/tickets/promise.ts). */
const PROMISED: readonly ClockName[] = ['dispatch', 'onSite', 'reply', 'issue', 'return', 'repair'];
/** Clocks set in minutes or hours of wall time, which service hours would count differently. */
const WALL_TIME: readonly ClockName[] = ['dispatch', 'onSite', 'issue', 'progress', 'callback'];

export interface CallRecord {
  fn: string;
  ms: number;
  /** SCF's 433: cut at the function's time limit. */
  timedOut: boolean;
}

export interface MonthInput {
  end: number;
  tickets: Ticket[];
  /** Every ticket id a submission was acknowledged with. */
  acknowledged: ReadonlySet<string>;
  messages: readonly SubscribeMessageRecord[];
  staffOpenids: ReadonlySet<string>;
  staffCommunity: ReadonlyMap<string, string>;
  calls: readonly CallRecord[];
}

const share = (part: number, whole: number) => (whole === 0 ? 1 : Math.round((part / whole) * 10_000) / 10_000);

export const monthFigures = (m: MonthInput): Record<string, number> => {
  const byId = new Map(m.tickets.map((t) => [t._id, t]));
  const figures: Record<string, number> = {};
  figures['month.tickets'] = m.tickets.length;
  figures['month.lost'] = [...m.acknowledged].filter((id) => !byId.has(id)).length;

  // Staff-facing messages: every send WeChat accepted for a staff member, every one that ended
  // unsent (the ticket's pushFailures, newest 20 kept per ticket), every one still waiting.
  // "Reached within 5 minutes" is a delivered one: a send is tried in the step that queued it
  // and retried by the minute's sweep, so only the credit-less ones end unsent.
  const delivered = m.messages.filter((r) => r.errcode === 0 && m.staffOpenids.has(r.touser)).length;
  let unsent = 0;
  let waiting = 0;
  for (const t of m.tickets) {
    unsent += (t.pushFailures ?? []).filter((f) => f.recipient !== 'owner').length;
    waiting += t.outbox.filter((o) => o.recipient !== 'owner').length;
  }
  figures['month.staffMessages'] = delivered + unsent + waiting;
  figures['month.staffReach'] = share(delivered, delivered + unsent + waiting);

  // Promises: each promised clock that ran to its end (stopped, or due before the month ended);
  // kept when its work came by the deadline the owner read. Cancelled tickets are not judged.
  let judged = 0;
  let kept = 0;
  // Breaches the standards would not count: a wall-time clock that ran out only because nights,
  // weekends or holidays counted; counted in its service hours it was met.
  let breaches = 0;
  let falseBreaches = 0;
  for (const t of m.tickets) {
    if (t.state === 'cancelled') continue;
    for (const [name, c] of Object.entries(t.clocks) as [ClockName, NonNullable<Ticket['clocks'][ClockName]>][]) {
      const endedAt = c.stoppedAt ?? (c.dueAt < m.end ? m.end : undefined);
      if (endedAt === undefined || c.pausedAt !== undefined) continue;
      const met = endedAt <= c.dueAt;
      if (PROMISED.includes(name)) {
        judged += 1;
        if (met) kept += 1;
      }
      if (met) continue;
      breaches += 1;
      const appointment = name === 'onSite' && t.appointment !== null;
      if (!WALL_TIME.includes(name) || appointment) continue;
      const limit = c.dueAt - c.startedAt - (c.pausedMs ?? 0);
      if (endedAt <= addServiceTime(serviceHoursOf(t, name), c.startedAt, limit)) falseBreaches += 1;
    }
  }
  figures['month.ownerPromisesKept'] = share(kept, judged);
  figures['month.breaches'] = breaches;
  figures['month.falseBreaches'] = falseBreaches;

  // Ticket numbers owners read: how many tickets share their number with an earlier one.
  const numbers = new Map<string, number>();
  for (const t of m.tickets) numbers.set(t.no, (numbers.get(t.no) ?? 0) + 1);
  const collisions = [...numbers.values()].reduce((n, k) => n + (k - 1), 0);
  figures['month.ticketNoCollisions'] = collisions;

  // Routing across communities (staff carry no community yet: issue 20).
  figures['month.crossCommunityAssignments'] = m.tickets.filter((t) => t.assignee && m.staffCommunity.get(t.assignee.openid) !== t.unit.community).length;

  figures['month.functionTimeouts'] = m.calls.filter((c) => c.timedOut).length;
  const byFn = new Map<string, number[]>();
  for (const c of m.calls) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c.ms]);
  for (const [fn, list] of [...byFn.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a - b);
    figures[`month.p99Ms.${fn}`] = Math.round(percentile(list, 0.99) ?? 0);
  }
  figures['month.calls'] = m.calls.length;
  return figures;
};
