import type { Policy } from '../../core/sla/policy';
import type { Deps } from '../ports';
import { afterSave } from './after-save';
import { routeNew } from './submit';
import { stepTicket } from './step-ticket';

/**
 * 催办: recorded on the ticket and pushed to its handler. A ticket nobody has yet is routed again
 * right away (someone may have come on duty since), so the urge reaches a person who can act.
 */
export const urgeTicket = async (deps: Deps, policy: Policy, openid: string, ticketId: string) => {
  const urged = await stepTicket(deps, policy, openid, ticketId, [{ event: { type: 'urge' } }]);
  if (urged.ticket.state !== 'submitted') return urged;
  const members = await deps.staff.team(urged.ticket.team);
  const routed = routeNew(urged.ticket, members, deps.now(), policy);
  if (routed === urged.ticket) return urged;
  // Lost to a concurrent step: that writer's result stands, the urge itself is saved.
  if (!(await deps.tickets.replace(routed, urged.ticket.version))) return urged;
  return { ticket: await afterSave(deps, urged.ticket, routed, policy), actor: urged.actor };
};

