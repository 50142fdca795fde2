import type { Policy } from '../sla/policy';
import { formatLocal } from '../sla/time';
import type { Team } from '../tickets/actor';
import type { TicketKind } from '../tickets/kinds';
import type { Rating, Ticket } from '../tickets/model';
import { clockOutcomes, endedAt, type ClockOutcome, type KpiClock } from './clock-outcomes';

/** Where a ticket stands: still open, or how it ended. Referred (转介) is an end, but not "done" (standards). */
export type Outcome = 'open' | 'closed' | 'cancelled' | 'referred';

/**
 * Who gave the current round's callback: the owner in the app, the owner on the phone to the desk
 * (电话回访), nobody but the ticket was closed anyway (auto: not a callback), or nobody yet (none).
 */
export type CallbackSource = 'owner' | 'phone' | 'auto' | 'none';

/**
 * The compact, JSON-serialisable record of one ticket that every figure is computed from: a rollup
 * can keep these instead of tickets. Durations are elapsed (wall-clock) milliseconds from the
 * request (`createdAt`); on-time is judged by the clocks, which leave paused time out.
 */
export interface TicketFacts {
  id: string;
  no: string;
  kind: TicketKind;
  category: string;
  area: 'home' | 'public';
  community: string;
  /** The team holding it now (an IC card past its identity check: engineering). */
  team: Team;
  /** Who did the work: the assignee at the end (after 改派/转派, the last one); null if nobody had it. */
  handler: { staffId: string; name: string } | null;
  /**
   * A sub-task (协办单) raised from a complaint: its team's work (volume, completion, its clocks,
   * durations), but not an owner's request — the owner follows and rates the complaint, so it is in
   * no callback, satisfaction or reopen figure, and its callback clock is left out.
   */
  subtask: boolean;
  createdAt: number;
  /** The business-zone day it was created (YYYY-MM-DD): the day, week and month it counts in. */
  day: string;
  outcome: Outcome;
  /** When it entered its final state (any outcome but open). */
  endedAt: number | null;
  closedAt: number | null;
  /** Returned (返单) at least once: it reached the callback stage. */
  returned: boolean;
  /** The handler's work is finished now: returned, waiting for its callback, or closed (not back in 返修). */
  done: boolean;
  clocks: Partial<Record<KpiClock, ClockOutcome>>;
  /** Elapsed ms from the request to: dispatch (IC card: the identity check), first arrival, first return, close. */
  ms: { dispatch: number | null; arrive: number | null; return: number | null; close: number | null };
  /** IC cards: request → card done (first return), ms. */
  cardTurnaroundMs: number | null;
  callback: CallbackSource;
  /**
   * The callback is owed now: returned, not a sub-task, and either called back, closed without
   * one, or past its callback deadline. A callback still inside its window is not owed yet.
   */
  callbackDue: boolean;
  /** The current round's rating (real callbacks only), with each question judged satisfied or not. */
  rating: { handling: number; staff: number; handlingSatisfied: boolean; staffSatisfied: boolean } | null;
  reopenCount: number;
  /** A complaint about a staff member (回访时投诉处理人员, or named by the owner); null otherwise. */
  aboutStaff: { staffId: string | null; name: string | null; ticketId: string | null } | null;
}

const firstAt = (t: Ticket, event: string): number | null => t.history.find((h) => h.event === event)?.at ?? null;
const lastAt = (t: Ticket, event: string): number | null => [...t.history].reverse().find((h) => h.event === event)?.at ?? null;
const since = (t: Ticket, at: number | null): number | null => (at === null ? null : at - t.createdAt);

/**
 * Satisfied means above the reopen threshold (policy.repair.reopenAtOrBelow, default 2 of 5): the
 * standards call "not satisfied" what sends the ticket back to its handler (000 4.9.2), so 3–5 is
 * satisfied and 1–2 is not, for each question on its own.
 */
const judged = (r: Rating, policy: Policy): NonNullable<TicketFacts['rating']> => ({
  handling: r.handling,
  staff: r.staff,
  handlingSatisfied: r.handling > policy.repair.reopenAtOrBelow,
  staffSatisfied: r.staff > policy.repair.reopenAtOrBelow,
});

/** The rating of the current callback round: given after the last return (an older one belongs to a round before a reopen). */
const currentRating = (t: Ticket): Rating | null => {
  const returnedAt = lastAt(t, 'finish');
  return t.rating && returnedAt !== null && t.rating.at >= returnedAt ? t.rating : null;
};

const callbackSource = (t: Ticket, rating: Rating | null): CallbackSource => {
  if (rating) return rating.by === 'phone' ? 'phone' : 'owner';
  return t.state === 'closed' ? 'auto' : 'none';
};

const outcomeOf = (t: Ticket): Outcome =>
  t.state === 'closed' || t.state === 'cancelled' || t.state === 'referred' ? t.state : 'open';

/**
 * The facts of one ticket. `now` (optional) also judges running clocks already past their deadline
 * as missed; without it only the sweep's escalation marks a running clock missed, so the facts of a
 * stored ticket do not change with the time they are read.
 */
export const ticketFacts = (t: Ticket, policy: Policy, now?: number): TicketFacts => {
  const subtask = !!t.parent;
  const clocks = clockOutcomes(t, now, subtask ? ['callback'] : []);
  const returnedAt = firstAt(t, 'finish');
  const ended = endedAt(t);
  const closedAt = t.state === 'closed' ? ended : null;
  const dispatch = t.clocks.dispatch;
  const dispatchedAt = dispatch?.stoppedAt !== undefined && clocks[t.kind === 'card' ? 'verify' : 'dispatch'] !== 'void' ? dispatch.stoppedAt : null;
  const rating = subtask ? null : currentRating(t);
  const callback = subtask ? 'none' : callbackSource(t, rating);
  const c = t.complaint;
  return {
    id: t._id,
    no: t.no,
    kind: t.kind,
    category: t.category,
    area: t.area,
    community: t.unit.community || t.unit.id,
    team: t.team,
    handler: t.assignee ? { staffId: t.assignee.staffId, name: t.assignee.name } : null,
    subtask,
    createdAt: t.createdAt,
    day: formatLocal(t.createdAt, policy.utcOffsetMinutes, 'YYYY-MM-DD'),
    outcome: outcomeOf(t),
    endedAt: ended,
    closedAt,
    returned: returnedAt !== null,
    done: t.state === 'returned' || t.state === 'callback_pending' || t.state === 'closed',
    clocks,
    ms: { dispatch: since(t, dispatchedAt), arrive: since(t, firstAt(t, 'arrive')), return: since(t, returnedAt), close: since(t, closedAt) },
    cardTurnaroundMs: t.kind === 'card' ? since(t, returnedAt) : null,
    callback,
    callbackDue: !subtask && returnedAt !== null && (callback !== 'none' || clocks.callback === 'missed'),
    rating: rating ? judged(rating, policy) : null,
    reopenCount: t.reopenCount,
    aboutStaff:
      c && (c.aboutStaff || c.aboutStaffId || c.linkedTicket)
        ? { staffId: c.aboutStaffId, name: c.aboutStaff, ticketId: c.linkedTicket?.id ?? null }
        : null,
  };
};
