import type { TemplateKey } from '../notify/templates';
import type { Policy } from '../sla/policy';
import type { TicketEvent } from './events';
import type { ClockName, RepairTicket } from './model';
import type { TicketState } from './states';

/**
 * Who may cause a transition:
 * owner — the ticket's own owner; assignee — the technician it is assigned to;
 * teammate — an on-team technician of the right trade (may take an unaccepted task);
 * desk — front desk, housekeeper, supervisor, manager; system — the platform itself.
 */
export type Party = 'owner' | 'assignee' | 'teammate' | 'desk' | 'system';

export interface TransitionRule {
  to: TicketState | ((ticket: RepairTicket, event: TicketEvent, policy: Policy) => TicketState);
  by: readonly Party[];
  /** Clocks this event stops (the work they measured is done). */
  stop?: readonly ClockName[];
}

export interface Notification {
  template: TemplateKey;
  to: 'owner' | 'assignee';
}

/** What happens on entering a state, whatever the event that led there. */
export interface StateEntry {
  start?: readonly ClockName[];
  /** Stop every running clock: the ticket needs nobody any more. */
  stopAll?: boolean;
  notify?: readonly Notification[];
}

type EventType = TicketEvent['type'];

const ratingOutcome = (_t: RepairTicket, e: TicketEvent, policy: Policy): TicketState =>
  e.type === 'rate' && Math.min(e.handling, e.staff) <= policy.repair.reopenAtOrBelow ? 'reopened' : 'closed';

const cancel: TransitionRule = { to: 'cancelled', by: ['owner', 'desk'] };
const refer: TransitionRule = { to: 'referred', by: ['assignee', 'desk'] };

/** The repair workflow: state × event → rule. Anything not listed is illegal. */
export const REPAIR_TRANSITIONS: Record<TicketState, Partial<Record<EventType, TransitionRule>>> = {
  submitted: {
    dispatch: { to: 'dispatched', by: ['system', 'desk'], stop: ['dispatch'] },
    cancel,
  },
  dispatched: {
    accept: { to: 'accepted', by: ['assignee', 'teammate'] },
    dispatch: { to: 'dispatched', by: ['desk'] },
    cancel,
  },
  accepted: {
    arrive: { to: 'on_site', by: ['assignee'], stop: ['onSite'] },
    refer,
    cancel,
  },
  on_site: {
    start: { to: 'in_progress', by: ['assignee'] },
    // A small free repair is often done on the spot: finishing needs no separate start.
    finish: { to: 'returned', by: ['assignee'] },
    quote: { to: 'awaiting_confirmation', by: ['assignee'] },
    refer,
    cancel,
  },
  awaiting_confirmation: {
    confirm_quote: { to: 'in_progress', by: ['owner'] },
    decline_quote: { to: 'cancelled', by: ['owner'] },
  },
  in_progress: {
    finish: { to: 'returned', by: ['assignee'] },
    refer,
  },
  returned: {
    request_callback: { to: 'callback_pending', by: ['system', 'desk'] },
    rate: { to: ratingOutcome, by: ['owner', 'desk'], stop: ['callback'] },
  },
  callback_pending: {
    rate: { to: ratingOutcome, by: ['owner', 'desk'], stop: ['callback'] },
  },
  // Back to the same handler, who acknowledges it (接单) before going again.
  reopened: {
    accept: { to: 'accepted', by: ['assignee'] },
  },
  closed: {},
  cancelled: {},
  referred: {},
};

export const REPAIR_ENTRIES: Partial<Record<TicketState, StateEntry>> = {
  submitted: { start: ['dispatch'] },
  dispatched: { start: ['onSite'], notify: [{ template: 'task_assigned', to: 'assignee' }] },
  accepted: { notify: [{ template: 'order_accepted', to: 'owner' }] },
  awaiting_confirmation: { notify: [{ template: 'quote_pending', to: 'owner' }] },
  returned: { start: ['callback'] },
  callback_pending: { notify: [{ template: 'repair_done', to: 'owner' }] },
  reopened: { start: ['onSite'], notify: [{ template: 'task_reopened', to: 'assignee' }] },
  closed: { stopAll: true },
  cancelled: { stopAll: true, notify: [{ template: 'ticket_cancelled', to: 'assignee' }] },
  referred: { stopAll: true, notify: [{ template: 'ticket_referred', to: 'owner' }] },
};

/**
 * Events that, once the ticket has moved past them, mean someone else got there first rather
 * than "not allowed": a second accept is answered with TICKET.ALREADY_TAKEN.
 */
export const TAKEN_WHEN_MISSING: Partial<Record<EventType, true>> = { accept: true };
