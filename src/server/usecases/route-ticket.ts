import { pickHelpers, helpReason, teamLeads } from '../../core/routing/help';
import { decide } from '../../core/routing/decide';
import { needOf } from '../../core/routing/rules';
import { toAssignee, type StaffMember } from '../../core/routing/staff';
import type { Policy } from '../../core/sla/policy';
import { SYSTEM } from '../../core/tickets/actor';
import type { TicketEvent } from '../../core/tickets/events';
import type { Ticket } from '../../core/tickets/model';
import { transition } from '../../core/tickets/transition';

/** Who routing may ask: the ticket's team (already read), and the supervisors, read only if needed. */
export interface RoutingPeople {
  team: readonly StaffMember[];
  supervisors: () => Promise<readonly StaffMember[]>;
}

/**
 * Routes a ticket waiting for someone (待派单). A person who can take it gets it; when that
 * person cannot be pushed, or nobody can take it, the fallback ladder is asked once per wait
 * (the dispatch clock's escalation tells the supervisor later as well). Returns the ticket
 * unchanged, with no events, when there is nothing new to do.
 */
export const routeWaiting = async (
  ticket: Ticket,
  people: RoutingPeople,
  now: number,
  policy: Policy,
): Promise<{ ticket: Ticket; events: TicketEvent[] }> => {
  const decision = decide(ticket, people.team, now, policy);
  const events: TicketEvent[] = [];
  if (decision.assignee) events.push({ type: 'dispatch', assignee: toAssignee(decision.assignee), why: decision.why });
  else if (ticket.help) return { ticket, events }; // still waiting, and already asked for
  if (decision.reason !== 'reachable') events.push(await helpEvent(ticket, helpReason(decision), people, now, policy, decision.assignee?._id));
  let next = ticket;
  for (const event of events) {
    const r = transition(next, event, { actor: SYSTEM, now, policy });
    if (!r.ok) return { ticket, events: [] };
    next = r.ticket;
  }
  return { ticket: next, events };
};

/** The ask up the fallback ladder: the team's lead who can be pushed, else the supervisors. */
export const helpEvent = async (
  ticket: Ticket,
  reason: string,
  people: RoutingPeople,
  now: number,
  policy: Policy,
  except?: string,
): Promise<TicketEvent> => {
  const team = needOf(policy.routing, ticket).team;
  const { rung, to } = await pickHelpers(teamLeads(team, people.team), people.supervisors, now, policy.utcOffsetMinutes, except);
  return { type: 'seek_help', reason, rung, to };
};
