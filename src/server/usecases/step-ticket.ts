import { DomainError } from '../../core/errors';
import type { Policy } from '../../core/sla/policy';
import type { Actor } from '../../core/tickets/actor';
import type { TicketEvent } from '../../core/tickets/events';
import type { Ticket } from '../../core/tickets/model';
import { transition } from '../../core/tickets/transition';
import type { Deps } from '../ports';
import { afterSave } from './after-save';
import { canView, resolveActor } from './resolve-actor';

/** One step: the event, and whether the platform (not the caller) causes it. */
export interface Step {
  event: TicketEvent;
  bySystem?: boolean;
}

const ATTEMPTS = 3;

/**
 * Load → transition → save with a version check → deliver messages. If another writer got in
 * between, the step is tried again on the fresh ticket, where the workflow itself decides: a
 * second `accept` then finds the task taken (TICKET.ALREADY_TAKEN).
 */
export const stepTicket = async (
  deps: Deps,
  policy: Policy,
  openid: string,
  ticketId: string,
  /** The steps, or how to work them out from the ticket as read (may read more, e.g. a complaint's sub-tasks). */
  steps: readonly Step[] | ((current: Ticket, actor: Actor) => readonly Step[] | Promise<readonly Step[]>),
): Promise<{ ticket: Ticket; actor: Actor }> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await deps.tickets.get(ticketId);
    const actor = current && (await resolveActor(deps, openid, current));
    if (!current || !actor || !canView(actor, current)) throw new DomainError('TICKET.NOT_FOUND');
    const now = deps.now();
    let next = current;
    for (const step of typeof steps === 'function' ? await steps(current, actor) : steps) {
      const r = transition(next, step.event, { actor: step.bySystem ? { kind: 'system' } : actor, now, policy });
      if (!r.ok) throw new DomainError(r.code);
      next = r.ticket;
    }
    if (await deps.tickets.replace(next, current.version)) {
      return { ticket: await afterSave(deps, current, next, policy), actor };
    }
  }
  throw new DomainError('TICKET.VERSION_CONFLICT');
};
