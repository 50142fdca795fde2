import { toTicketView } from '../../core/tickets/view';
import type { Actor } from '../../core/tickets/actor';
import type { Ticket } from '../../core/tickets/model';
import type { Call } from '../function';
import { subtaskViewsFor } from '../usecases/subtask-status';

/**
 * Every ticket-changing action answers the ticket as its caller may now see it (for staff, with
 * a complaint's sub-tasks as they stand, read only when it has some).
 */
export const asView = (call: Call) => async ({ ticket, actor }: { ticket: Ticket; actor: Actor }) => ({
  ticket: { ...toTicketView(ticket, actor, call.deps.now(), call.policy), ...(await subtaskViewsFor(call.deps, ticket, actor)) },
});
