import { REPAIR_CATEGORIES, TRADE_NAMES } from '../../core/catalog/categories';
import type { CandidateView } from '../../core/contract/duty-actions';
import { DomainError } from '../../core/errors';
import { candidatesFor, reassignWarning, transferBar } from '../../core/routing/candidates';
import { needOf, teamFor } from '../../core/routing/rules';
import type { Policy } from '../../core/sla/policy';
import { STAFF_ROLE_NAMES, TEAM_NAMES } from '../../core/tickets/actor';
import type { Deps } from '../ports';
import { viewTicket } from './queries';
import { checkMay, mayHandOn } from './reassign';

/**
 * Who a task may go to, for the one about to hand it on: the supervisor (改派: anyone the rules
 * allow, warned of who is off duty or full) or its holder (转派: a colleague on duty with room, or
 * for a repair another category's people). One read of the team that does the work.
 */
export const handOnCandidates = async (deps: Deps, policy: Policy, openid: string, ticketId: string) => {
  const { ticket, actor } = await viewTicket(deps, openid, ticketId);
  const mode: 'reassign' | 'transfer' | null = mayHandOn(ticket, 'reassign', actor, policy) ? 'reassign' : mayHandOn(ticket, 'transfer', actor, policy) ? 'transfer' : null;
  // Neither: the workflow's own answer, as the supervisor's or the holder's action would give it.
  if (!mode) {
    checkMay(ticket, actor.kind === 'staff' && (actor.role === 'supervisor' || actor.role === 'manager') ? 'reassign' : 'transfer', actor, policy);
    throw new DomainError('AUTH.FORBIDDEN');
  }
  const members = await deps.staff.team(needOf(policy.routing, ticket).team);
  const people = candidatesFor(ticket, members, deps.now(), policy)
    .filter((c) => c.member._id !== ticket.assignee?.staffId)
    .map(
      (c): CandidateView => ({
        staffId: c.member._id,
        name: c.member.name,
        roleName: STAFF_ROLE_NAMES[c.member.role],
        skills: c.member.trades.map((t) => TRADE_NAMES[t]).join('、'),
        zones: c.member.zones.join('、'),
        onDuty: c.onDuty,
        openTasks: c.openTasks,
        cap: c.cap,
        reachable: c.reachable,
        barred: mode === 'transfer' ? transferBar(c) : c.barred,
        warning: mode === 'reassign' && !c.barred ? reassignWarning(c) : null,
      }),
    );
  const categories =
    mode === 'transfer' && ticket.kind === 'repair'
      ? REPAIR_CATEGORIES.filter((c) => c.id !== ticket.category).map((c) => ({
          id: c.id,
          name: c.name,
          teamName: TEAM_NAMES[teamFor(policy.routing, 'repair', c.id)],
        }))
      : [];
  return { mode, version: ticket.version, people, categories };
};
