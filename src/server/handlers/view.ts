import { toTicketView } from '../../core/tickets/view';
import type { Actor } from '../../core/tickets/actor';
import type { Ticket } from '../../core/tickets/model';
import type { Call } from '../function';

/** Every ticket-changing action answers the ticket as its caller may now see it. */
export const asView = (call: Call) => ({ ticket, actor }: { ticket: Ticket; actor: Actor }) => ({
  ticket: toTicketView(ticket, actor, call.deps.now(), call.policy),
});
