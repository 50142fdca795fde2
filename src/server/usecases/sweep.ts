import { escalationAt, escalationRoles, nextClockAction, nextDueAt } from '../../core/sla/clocks';
import { MINUTE, type Policy } from '../../core/sla/policy';
import { SYSTEM } from '../../core/tickets/actor';
import type { StaffRef, TicketEvent } from '../../core/tickets/events';
import type { ClockName, Ticket } from '../../core/tickets/model';
import { transition } from '../../core/tickets/transition';
import type { StaffMember } from '../../core/routing/staff';
import type { Team } from '../../core/tickets/actor';
import type { Deps } from '../ports';
import { routeWaiting } from './route-ticket';
import { afterSave } from './after-save';

/** Tickets one sweep looks at, at most: the rest are still due and come first next minute. */
export const SWEEP_LIMIT = 100;
/** Tickets handled at the same time within one sweep (each is a few round trips). */
const PARALLEL = 8;
/** Tries on one ticket when another writer saves it between our read and our write. */
const ATTEMPTS = 3;

export interface SweepReport {
  /** Due tickets read by the one indexed query. */
  looked: number;
  /** Tickets nobody could take at submit, given to someone who can now. */
  routed: number;
  /** Tickets still waiting whose team lead or supervisor was asked to step in. */
  helpSought: number;
  /** Reminders before a deadline saved (and queued to the handler). */
  reminded: number;
  /** Escalation steps saved (breaches recorded and queued to the ladder's people). */
  escalated: number;
  /** Messages left in an outbox by a failed send, tried again. */
  retried: number;
  /** Documents this sweep read: due tickets, tickets read again after a lost race, ladder staff. */
  docsRead: number;
  /** Tickets that could not be handled (logged); they stay due and are tried next time. */
  failed: number;
}

export interface SweepOptions {
  limit?: number;
}

/**
 * Who an escalation step tells (active staff of the step's roles), and the supervisors routing
 * may ask for help: read once per sweep, together, and only if needed.
 */
interface Ladder {
  step(ticket: Ticket, step: number): Promise<StaffRef[]>;
  supervisors(): Promise<StaffMember[]>;
}

const ladderOf = (deps: Deps, policy: Policy, report: SweepReport): Ladder => {
  let members: Promise<StaffMember[]> | null = null;
  const all = () =>
    (members ??= (async () => {
      const roles = [...new Set([...policy.escalation.ladder.flatMap((s) => s.to), ...policy.escalation.majorTo, 'supervisor' as const])];
      const found = await deps.staff.byRoles(roles);
      report.docsRead += found.length;
      return found.sort((a, b) => a._id.localeCompare(b._id));
    })());
  return {
    async step(ticket, step) {
      const roles: readonly string[] = escalationRoles(ticket, step, policy);
      return (await all())
        .filter((m) => roles.includes(m.role))
        .map((m): StaffRef => ({ staffId: m._id, openid: m.openid, name: m.name, role: m.role }));
    },
    supervisors: async () => (await all()).filter((m) => m.role === 'supervisor'),
  };
};

/** The members of a team, read once per sweep and only for tickets still waiting to be routed. */
type Teams = (team: Team) => Promise<StaffMember[]>;

const teamsOf = (deps: Deps, report: SweepReport): Teams => {
  const read = new Map<Team, Promise<StaffMember[]>>();
  return (team) => {
    let members = read.get(team);
    if (!members) {
      members = deps.staff.team(team).then((found) => {
        report.docsRead += found.length;
        return found;
      });
      read.set(team, members);
    }
    return members;
  };
};

interface Plan {
  next: Ticket;
  events: TicketEvent[];
  /** Messages this plan queued: sent right after the save. */
  queued: string[];
  /** Messages due for another attempt, claimed (their attempt time moved on) in the same write. */
  claimed: string[];
}

/**
 * Every clock step that is due, in order, through the pure workflow as the platform; then the
 * outbox messages due for a retry are claimed. A sweep that comes late (the deadline already
 * passed) does not send a "due soon" reminder: it records the breach.
 */
const planTicket = async (current: Ticket, now: number, policy: Policy, ladder: Ladder, teams: Teams): Promise<Plan> => {
  let next = current;
  const events: TicketEvent[] = [];
  // Nobody could take it at submit: someone may have come on duty since. Routed now, its dispatch
  // clock stops; otherwise that clock's reminder and escalation below tell the ladder.
  if (current.state === 'submitted') {
    const routed = await routeWaiting(current, { team: await teams(current.team), supervisors: ladder.supervisors }, now, policy);
    next = routed.ticket;
    events.push(...routed.events);
  }
  for (const name of Object.keys(current.clocks) as ClockName[]) {
    // A clock has at most a reminder and one step per rung of the ladder.
    for (let i = 0; i <= policy.escalation.ladder.length; i++) {
      const clock = next.clocks[name];
      const action = clock && nextClockAction(clock, policy);
      if (!clock || !action || action.at > now) break;
      const breachAt = escalationAt(clock, 0, policy);
      const step = action.action === 'escalate' ? action.step : breachAt !== null && breachAt <= now ? 0 : null;
      const event: TicketEvent =
        step === null ? { type: 'remind', clock: name } : { type: 'escalate', clock: name, step, to: await ladder.step(current, step) };
      const r = transition(next, event, { actor: SYSTEM, now, policy });
      if (!r.ok) {
        // Not expected (the workflow allows clock steps in every open state): leave this clock.
        console.warn(`[sweep] ${current._id}: ${event.type} of ${name} refused (${r.code})`);
        break;
      }
      next = r.ticket;
      events.push(event);
    }
  }
  const known = new Set(current.outbox.map((m) => m.id));
  const queued = next.outbox.filter((m) => !known.has(m.id)).map((m) => m.id);
  const claimed = next.outbox.filter((m) => known.has(m.id) && m.nextAttemptAt <= now).map((m) => m.id);
  if (claimed.length) {
    // The claim is a lease: should this sweep die before sending, the message is due again then.
    const until = now + policy.push.retrySeconds * 1000;
    const outbox = next.outbox.map((m) => (claimed.includes(m.id) ? { ...m, nextAttemptAt: until } : m));
    next = { ...next, outbox };
    next = { ...next, nextDueAt: nextDueAt(next, policy) };
  }
  return { next, events, queued, claimed };
};

const sweepTicket = async (deps: Deps, policy: Policy, listed: Ticket, now: number, ladder: Ladder, teams: Teams, report: SweepReport) => {
  let current = listed;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const plan = await planTicket(current, now, policy, ladder, teams);
    let saved: boolean;
    if (plan.events.length) {
      // A state change like any other: versioned, so of two sweeps only one records the step.
      saved = await deps.tickets.replace(plan.next, current.version);
    } else if (plan.claimed.length) {
      saved = await deps.tickets.reschedule(plan.next, current, plan.claimed);
      // The claim is an outbox write of its own: delivery follows on from the revision it made.
      if (saved) plan.next = { ...plan.next, outboxRev: (current.outboxRev ?? 0) + 1 };
    } else {
      // Nothing to do after all (e.g. the due time was written by an older policy): file it anew,
      // so the ticket does not come back at the head of every sweep.
      let due = nextDueAt(current, policy);
      if (due !== null && due <= now) due = now + (current.state === 'submitted' ? policy.routing.retryMinutes * MINUTE : policy.push.retrySeconds * 1000);
      if (due !== current.nextDueAt) await deps.tickets.reschedule({ ...current, nextDueAt: due }, current, []);
      return;
    }
    if (saved) {
      for (const e of plan.events) {
        if (e.type === 'remind') report.reminded += 1;
        else if (e.type === 'escalate') report.escalated += 1;
        else if (e.type === 'dispatch') report.routed += 1;
        else if (e.type === 'seek_help') report.helpSought += 1;
      }
      report.retried += plan.claimed.length;
      const send = new Set([...plan.queued, ...plan.claimed]);
      // As after any saved step: a routed ticket's workload change rides with the credit write.
      await afterSave(deps, current, plan.next, policy, (m) => send.has(m.id));
      return;
    }
    // Lost a race (another sweep, or a person's step): look again. The workflow refuses what was
    // taken meanwhile, and claimed messages are no longer due.
    const fresh = await deps.tickets.get(current._id);
    report.docsRead += 1;
    if (!fresh || fresh.nextDueAt === null || fresh.nextDueAt > now) return;
    current = fresh;
  }
  throw new Error(`ticket ${listed._id} kept changing under the sweep`);
};

/**
 * The SLA sweep, run by a timer every minute. Finds due tickets through the one indexed field
 * `nextDueAt` (never by scanning open tickets), and for each: reminds the handler before a
 * deadline, escalates along the policy's ladder after it, records each step on the ticket, and
 * sends again what a failed push left in the outbox. One bad ticket is logged and skipped.
 */
export const sweep = async (deps: Deps, policy: Policy, { limit = SWEEP_LIMIT }: SweepOptions = {}): Promise<SweepReport> => {
  const now = deps.now();
  const report: SweepReport = { looked: 0, routed: 0, helpSought: 0, reminded: 0, escalated: 0, retried: 0, docsRead: 0, failed: 0 };
  const due = await deps.ticketQueries.listDue(now, limit);
  report.looked = due.length;
  report.docsRead += due.length;
  const ladder = ladderOf(deps, policy, report);
  const teams = teamsOf(deps, report);
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const ticket = due[next++];
      try {
        await sweepTicket(deps, policy, ticket, now, ladder, teams, report);
      } catch (e) {
        report.failed += 1;
        console.error(`[sweep] ticket ${ticket._id}:`, e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, due.length) }, worker));
  return report;
};
