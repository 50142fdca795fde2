import { toTicketView } from '../../core/tickets/view';
import type { Actor } from '../../core/tickets/actor';
import type { Ticket } from '../../core/tickets/model';
import type { Call } from '../function';
import { recordTicketAccess } from '../usecases/pii-access';
import { withPhotoLinks } from '../usecases/photo-links';
import { subtaskViewsFor } from '../usecases/subtask-status';

/**
 * Every ticket-changing action answers the ticket as its caller may now see it (for staff, with
 * a complaint's sub-tasks as they stand, read only when it has some): the owner's phone masked
 * unless the caller may read it, photos as short-lived URLs, and (when `audit`) a staff member's
 * access to either kept in `pii_access` — all three at once.
 *
 * Only opening a ticket (`ticket.get`) is audited: a step is taken from the page that opened it,
 * so its answer would record the same access again, at one write per step.
 */
export const asView = (call: Call, { audit = false } = {}) => async ({ ticket, actor }: { ticket: Ticket; actor: Actor }) => {
  const [view, subtasks] = await Promise.all([
    withPhotoLinks(call.deps, toTicketView(ticket, actor, call.deps.now(), call.policy)),
    subtaskViewsFor(call.deps, ticket, actor),
    audit ? recordTicketAccess(call.deps, actor, ticket, ticket.photos.length > 0) : undefined,
  ]);
  return { ticket: { ...view, ...subtasks } };
};
