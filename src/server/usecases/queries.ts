import { DomainError } from '../../core/errors';
import { TICKET_STATES, type TicketState } from '../../core/tickets/states';
import type { Actor } from '../../core/tickets/actor';
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
  deps.tickets.listByOwner(openid, LIST_LIMIT, {
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
export const staffTasks = async (deps: Deps, openid: string, tab: keyof typeof TASK_TABS) => {
  const member = await deps.staff.byOpenid(openid);
  if (!member || !member.active) throw new DomainError('AUTH.FORBIDDEN');
  const states = TASK_TABS[tab];
  const tickets =
    member.role === 'technician' || member.role === 'team_lead'
      ? await deps.tickets.listByAssignee(member._id, states, LIST_LIMIT)
      : await deps.tickets.listByStates(states, LIST_LIMIT);
  const actor = staffActor(member);
  return { tickets: tickets.filter((t) => canView(actor, t)), member };
};
