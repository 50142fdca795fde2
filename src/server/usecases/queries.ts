import { DomainError } from '../../core/errors';
import { OPEN_STATES, TICKET_STATES, type TicketState } from '../../core/tickets/states';
import { POOL_ROLES, type Actor } from '../../core/tickets/actor';
import type { Ticket } from '../../core/tickets/model';
import { staffActor } from '../../core/routing/staff';
import type { Deps } from '../ports';
import { canView, resolveActor } from './resolve-actor';

const LIST_LIMIT = 50;

/** For the owner a returned ticket still waiting for their rating is not done yet. */
const OWNER_DONE_STATES: readonly TicketState[] = ['closed', 'cancelled', 'referred'];
const OWNER_OPEN_STATES: readonly TicketState[] = TICKET_STATES.filter((s) => !OWNER_DONE_STATES.includes(s));

export const TASK_TABS: Record<'todo' | 'active' | 'done', readonly TicketState[]> = {
  todo: ['submitted', 'dispatched', 'reopened'],
  active: ['accepted', 'on_site', 'awaiting_confirmation', 'in_progress'],
  done: ['returned', 'callback_pending', 'closed', 'cancelled', 'referred'],
};

/** 我的工单 filters: by kind, and open (still being worked on) or done. */
export const ownerTickets = (
  deps: Deps,
  openid: string,
  filter: { kind: Ticket['kind'] | 'all'; status: 'all' | 'open' | 'done' } = { kind: 'all', status: 'all' },
): Promise<Ticket[]> =>
  deps.ticketQueries.listByOwner(openid, LIST_LIMIT, {
    kind: filter.kind === 'all' ? undefined : filter.kind,
    states: filter.status === 'open' ? OWNER_OPEN_STATES : filter.status === 'done' ? OWNER_DONE_STATES : undefined,
  });

export const viewTicket = async (deps: Deps, openid: string, ticketId: string): Promise<{ ticket: Ticket; actor: Actor }> => {
  const ticket = await deps.tickets.get(ticketId);
  const actor = ticket && (await resolveActor(deps, openid, ticket));
  // Someone else's ticket answers "not found": its existence is not theirs to know.
  if (!ticket || !actor || !canView(actor, ticket)) throw new DomainError('TICKET.NOT_FOUND');
  return { ticket, actor };
};

/**
 * A staff member's task list. Technicians see what is assigned to them; the desk roles see the
 * whole tab (issue-level scoping by zone comes with the staff workbench).
 */
export const staffTasks = async (deps: Deps, openid: string, tab: keyof typeof TASK_TABS | 'late' | 'pool') => {
  const member = await deps.staff.byOpenid(openid);
  if (!member || !member.active) throw new DomainError('AUTH.FORBIDDEN');
  const actor = staffActor(member);
  // 待协调: a lead sees their team's waiting tickets, the supervisor, manager and desk every one.
  if (tab === 'pool') {
    if (!POOL_ROLES.includes(member.role)) throw new DomainError('AUTH.FORBIDDEN');
    const waiting = await deps.ticketQueries.listWaitingForHelp(LIST_LIMIT, member.role === 'team_lead' ? member.team : undefined);
    return { tickets: waiting.filter((t) => canView(actor, t)), member };
  }
  const handler = member.role === 'technician' || member.role === 'team_lead';
  // 超时: tickets with a clock that ran out (the sweep marks them), still open; the supervisor
  // and the desk see every one, a technician their own.
  const tickets =
    tab === 'late'
      ? await deps.ticketQueries.listLate(OPEN_STATES, LIST_LIMIT, handler ? member._id : undefined)
      : handler
        ? await deps.ticketQueries.listByAssignee(member._id, TASK_TABS[tab], LIST_LIMIT)
        : await deps.ticketQueries.listByStates(TASK_TABS[tab], LIST_LIMIT);
  return { tickets: tickets.filter((t) => canView(actor, t)), member };
};
