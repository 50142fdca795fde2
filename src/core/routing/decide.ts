import type { Policy } from '../sla/policy';
import type { Ticket } from '../tickets/model';
import { route, type RoutingDecision } from './route';
import { needOf } from './rules';
import type { StaffMember } from './staff';

/**
 * The routing decision for a ticket: what its work needs (the policy's rules), among the team
 * minus who must not get it — a complaint never lands with the person complained about, nor a
 * task with anyone who declined it.
 */
export const decide = (ticket: Ticket, team: readonly StaffMember[], now: number, policy: Policy): RoutingDecision => {
  const excluded = new Set([...(ticket.declinedBy ?? []), ...(ticket.complaint?.aboutStaffId ? [ticket.complaint.aboutStaffId] : [])]);
  const candidates = excluded.size ? team.filter((m) => !excluded.has(m._id)) : team;
  return route(needOf(policy.routing, ticket), candidates, now, policy.utcOffsetMinutes);
};
