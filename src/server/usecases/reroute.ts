import type { Policy } from '../../core/sla/policy';
import type { Actor } from '../../core/tickets/actor';
import type { Ticket } from '../../core/tickets/model';
import type { Deps } from '../ports';
import { afterSave } from './after-save';
import { routeWaiting } from './route-ticket';
import { stepTicket } from './step-ticket';

/**
 * Steps after which a ticket may be waiting for someone (待派单): each is routed again at once.
 *
 * 催办: recorded on the ticket and pushed to its handler. A ticket nobody has yet is routed again
 * right away (someone may have come on duty since), so the urge reaches a person who can act.
 */
export const urgeTicket = async (deps: Deps, policy: Policy, openid: string, ticketId: string) =>
  routeIfWaiting(deps, policy, await stepTicket(deps, policy, openid, ticketId, [{ event: { type: 'urge' } }]));

/** 拒单: back to 待派单 with the reason, and at once to the next person who can take it. */
export const declineTicket = async (deps: Deps, policy: Policy, openid: string, ticketId: string, reason: string) =>
  routeIfWaiting(deps, policy, await stepTicket(deps, policy, openid, ticketId, [{ event: { type: 'decline', reason } }]));

/** A step that left the ticket waiting for someone: route it now if anyone can take it. */
export const routeIfWaiting = async (deps: Deps, policy: Policy, stepped: { ticket: Ticket; actor: Actor }) => {
  if (stepped.ticket.state !== 'submitted') return stepped;
  const members = await deps.staff.team(stepped.ticket.team);
  const people = { team: members, supervisors: () => deps.staff.byRoles(['supervisor']) };
  const { ticket: routed, events } = await routeWaiting(stepped.ticket, people, deps.now(), policy);
  if (!events.length) return stepped;
  // Lost to a concurrent step: that writer's result stands, the step itself is saved.
  if (!(await deps.tickets.replace(routed, stepped.ticket.version))) return stepped;
  return { ticket: await afterSave(deps, stepped.ticket, routed, policy), actor: stepped.actor };
};

