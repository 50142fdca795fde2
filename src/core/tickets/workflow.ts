import type { TemplateKey } from '../notify/templates';
import type { Policy } from '../sla/policy';
import type { StaffRef, TicketEvent } from './events';
import type { TicketKind } from './kinds';
import type { ClockName, Ticket } from './model';
import type { TicketState } from './states';

/**
 * Who may cause a transition:
 * owner — the ticket's own owner; assignee — the technician it is assigned to;
 * teammate — an on-team technician of the right trade (may take an unaccepted task);
 * desk — front desk, housekeeper (of the unit's zone), supervisor, manager; system — the platform itself;
 * supervisor — the supervisor or the manager (改派).
 */
export type Party = 'owner' | 'assignee' | 'teammate' | 'desk' | 'system' | 'supervisor';

export interface TransitionRule {
  /** Absent: the ticket stays in its state and that state's entry effects do not run again. */
  to?: TicketState | ((ticket: Ticket, event: TicketEvent, policy: Policy) => TicketState);
  by: readonly Party[];
  /** Clocks this event stops (the work they measured is done). */
  stop?: readonly ClockName[];
  /** Messages of the event itself (besides those of entering a state). */
  notify?: readonly Notification[];
  /** Only when this holds for the ticket (e.g. resume: some clock is paused). */
  when?: (ticket: Ticket) => boolean;
  /** The target state's entry effects do not run (a decline goes back to 待派单 without a new clock). */
  skipEntry?: boolean;
}

export type Notification =
  | { template: TemplateKey; to: 'owner' | 'assignee' }
  /** Someone besides the ticket's parties, e.g. the supervisor an escalation tells. */
  | { template: TemplateKey; to: 'staff'; staff: StaffRef };

/** What happens on entering a state, whatever the event that led there. */
export interface StateEntry {
  start?: readonly ClockName[];
  /** Stop every running clock: the ticket needs nobody any more. */
  stopAll?: boolean;
  /** Pause the handler's clocks with this reason (resumed by the event that leaves the state). */
  pause?: string;
  notify?: readonly Notification[];
}

type EventType = TicketEvent['type'];

const ratingOutcome = (_t: Ticket, e: TicketEvent, policy: Policy): TicketState =>
  e.type === 'rate' && Math.min(e.handling, e.staff) <= policy.repair.reopenAtOrBelow ? 'reopened' : 'closed';

const cancel: TransitionRule = { to: 'cancelled', by: ['owner', 'desk'] };
const refer: TransitionRule = { to: 'referred', by: ['assignee', 'desk'] };
/**
 * 拒单: back to 待派单 for someone else. The dispatch clock started at submit runs on (the
 * standard counts from the owner's request, not from each attempt).
 */
const decline: TransitionRule = { to: 'submitted', by: ['assignee'], skipEntry: true };
/** 催办: the owner presses; the handler is told; throttled by policy (see transition). */
const urge: TransitionRule = { by: ['owner'], notify: [{ template: 'task_urged', to: 'assignee' }] };
/**
 * 未能联系上业主: the desk's phone callback did not reach the owner; the ticket keeps waiting for
 * its callback (the supervisor hears of it at the policy's count, see transition).
 */
const callbackAttempt: TransitionRule = { by: ['desk'] };

/** The repair workflow: state × event → rule. Anything not listed is illegal. */
export const REPAIR_TRANSITIONS: Record<TicketState, Partial<Record<EventType, TransitionRule>>> = {
  submitted: {
    dispatch: { to: 'dispatched', by: ['system', 'desk'], stop: ['dispatch'] },
    cancel,
    urge,
  },
  dispatched: {
    accept: { to: 'accepted', by: ['assignee', 'teammate'] },
    decline,
    dispatch: { to: 'dispatched', by: ['desk'] },
    cancel,
    urge,
  },
  accepted: {
    arrive: { to: 'on_site', by: ['assignee'], stop: ['onSite'] },
    // 改约 (001: a time that cannot be kept is changed with the owner before it passes): the
    // on-site clock follows the new slot (see transition's applyData) and the owner is told.
    reschedule: { by: ['assignee'], notify: [{ template: 'appointment_changed', to: 'owner' }] },
    refer,
    cancel,
    urge,
  },
  on_site: {
    start: { to: 'in_progress', by: ['assignee'] },
    // A small free repair is often done on the spot: finishing needs no separate start.
    finish: { to: 'returned', by: ['assignee'], stop: ['return', 'repair', 'report'] },
    // Paid work has its own pace, agreed with the owner: the end-of-day return no longer applies.
    quote: { to: 'awaiting_confirmation', by: ['assignee'], stop: ['return'] },
    refer,
    cancel,
  },
  awaiting_confirmation: {
    confirm_quote: { to: 'in_progress', by: ['owner'] },
    decline_quote: { to: 'cancelled', by: ['owner'] },
  },
  in_progress: {
    finish: { to: 'returned', by: ['assignee'], stop: ['return', 'repair', 'report'] },
    refer,
    urge,
  },
  returned: {
    request_callback: { to: 'callback_pending', by: ['system', 'desk'] },
    rate: { to: ratingOutcome, by: ['owner', 'desk'], stop: ['callback'] },
    callback_attempt: callbackAttempt,
  },
  callback_pending: {
    rate: { to: ratingOutcome, by: ['owner', 'desk'], stop: ['callback'] },
    callback_attempt: callbackAttempt,
  },
  // Back to the same handler, who acknowledges it (接单) before going again.
  reopened: {
    accept: { to: 'accepted', by: ['assignee'] },
    urge,
  },
  closed: {},
  cancelled: {},
  referred: {},
};

export const REPAIR_ENTRIES: Partial<Record<TicketState, StateEntry>> = {
  submitted: { start: ['dispatch'] },
  dispatched: { start: ['onSite'], notify: [{ template: 'task_assigned', to: 'assignee' }] },
  // Public-area work runs by its size class from acceptance (003 #17).
  accepted: { start: ['repair', 'report'], notify: [{ template: 'order_accepted', to: 'owner' }] },
  // Free in-home work is returned by the end of the working day the technician is there.
  on_site: { start: ['return'] },
  // Waiting for the owner's consent is not the technician's time (resumed on confirm_quote).
  awaiting_confirmation: { pause: '等待业主确认报价', notify: [{ template: 'quote_pending', to: 'owner' }] },
  returned: { start: ['callback'] },
  callback_pending: { notify: [{ template: 'repair_done', to: 'owner' }] },
  reopened: { start: ['onSite'], notify: [{ template: 'task_reopened', to: 'assignee' }] },
  closed: { stopAll: true },
  cancelled: { stopAll: true, notify: [{ template: 'ticket_cancelled', to: 'assignee' }] },
  referred: { stopAll: true, notify: [{ template: 'ticket_referred', to: 'owner' }] },
};

const callbackRules = {
  request_callback: { to: 'callback_pending', by: ['system', 'desk'] },
  rate: { to: ratingOutcome, by: ['owner', 'desk'], stop: ['callback'] },
  callback_attempt: callbackAttempt,
} as const satisfies Partial<Record<EventType, TransitionRule>>;

const NEVER: Record<TicketState, Partial<Record<EventType, TransitionRule>>> = {
  submitted: {}, dispatched: {}, accepted: {}, on_site: {}, awaiting_confirmation: {}, in_progress: {},
  returned: {}, callback_pending: {}, closed: {}, cancelled: {}, referred: {}, reopened: {},
};

/** Sub-tasks (协办单) one complaint may raise: a bound on what its page reads to show them. */
export const MAX_SUBTASKS = 5;

/**
 * Complaints (004 二): passed to the zone's housekeeper, who takes it (受理), reports progress
 * and marks it handled; then the callback. The owner may withdraw it until it is handled.
 */
export const COMPLAINT_TRANSITIONS: Record<TicketState, Partial<Record<EventType, TransitionRule>>> = {
  ...NEVER,
  submitted: { dispatch: { to: 'dispatched', by: ['system', 'desk'], stop: ['dispatch'] }, cancel, urge },
  dispatched: { accept: { to: 'accepted', by: ['assignee', 'teammate'] }, decline, dispatch: { to: 'dispatched', by: ['desk'] }, cancel, urge },
  accepted: {
    finish: { to: 'returned', by: ['assignee'], stop: ['reply', 'progress'] },
    // 进展汇报 (004 二: every 4 hours to the front desk): restarts the progress clock.
    progress: { by: ['assignee'] },
    // 协办 (004 二: the housekeeper involves the departments concerned): a sub-task for another team.
    subtask: { by: ['assignee'], when: (t) => (t.subtasks?.length ?? 0) < MAX_SUBTASKS },
    cancel,
    urge,
  },
  returned: callbackRules,
  callback_pending: { rate: callbackRules.rate, callback_attempt: callbackAttempt },
  reopened: { accept: { to: 'accepted', by: ['assignee'] }, urge },
};

export const COMPLAINT_ENTRIES: Partial<Record<TicketState, StateEntry>> = {
  submitted: { start: ['dispatch', 'reply'] },
  dispatched: { notify: [{ template: 'task_assigned', to: 'assignee' }] },
  accepted: { start: ['progress'], notify: [{ template: 'order_accepted', to: 'owner' }] },
  returned: { start: ['callback'] },
  callback_pending: { notify: [{ template: 'repair_done', to: 'owner' }] },
  reopened: { notify: [{ template: 'task_reopened', to: 'assignee' }] },
  closed: { stopAll: true },
  cancelled: { stopAll: true, notify: [{ template: 'ticket_cancelled', to: 'assignee' }] },
};

/**
 * An IC card's accept: at the desk it is the identity check, after which the request waits for
 * engineering (待派单 again, routed at once); in engineering it is taking the card work.
 */
const cardAccepted = (t: Ticket): TicketState => (t.card?.stage === 'issue' ? 'accepted' : 'submitted');

/**
 * IC cards (003 #11), two stages: the front desk checks the owner's identity (2 min from the
 * request) and hands the request to engineering, where a technician opens the card, reports it
 * lost or reissues it (8 min after the check); then the callback. The check moves the card to
 * stage 'issue' (see transition's accept): the same states then run once more, for engineering.
 */
export const CARD_TRANSITIONS: Record<TicketState, Partial<Record<EventType, TransitionRule>>> = {
  ...NEVER,
  // Routing is instant; the first clock measures the identity check, so dispatch stops nothing.
  submitted: { dispatch: { to: 'dispatched', by: ['system', 'desk'] }, cancel, urge },
  // Stopping the identity clock again when engineering takes it is a no-op.
  dispatched: { accept: { to: cardAccepted, by: ['assignee', 'teammate'], stop: ['dispatch'] }, decline, dispatch: { to: 'dispatched', by: ['desk'] }, cancel, urge },
  accepted: { finish: { to: 'returned', by: ['assignee'], stop: ['issue'] }, cancel: { to: 'cancelled', by: ['desk'] }, urge },
  returned: callbackRules,
  callback_pending: { rate: callbackRules.rate, callback_attempt: callbackAttempt },
  reopened: { accept: { to: 'accepted', by: ['assignee'] }, urge },
};

export const CARD_ENTRIES: Partial<Record<TicketState, StateEntry>> = {
  // The clock of the stage: the identity check from the request, then the card from the check
  // (startClock gives each only in its stage).
  submitted: { start: ['dispatch', 'issue'] },
  dispatched: { notify: [{ template: 'task_assigned', to: 'assignee' }] },
  // The owner is told who does the card work (and their phone) once engineering takes it.
  accepted: { notify: [{ template: 'order_accepted', to: 'owner' }] },
  returned: { start: ['callback'] },
  callback_pending: { notify: [{ template: 'repair_done', to: 'owner' }] },
  // Not satisfied: back to the technician, with a new card clock.
  reopened: { start: ['issue'], notify: [{ template: 'task_reopened', to: 'assignee' }] },
  closed: { stopAll: true },
  cancelled: { stopAll: true, notify: [{ template: 'ticket_cancelled', to: 'assignee' }] },
};

export interface Workflow {
  transitions: Record<TicketState, Partial<Record<EventType, TransitionRule>>>;
  entries: Partial<Record<TicketState, StateEntry>>;
}

export const WORKFLOWS: Record<TicketKind, Workflow> = {
  repair: { transitions: REPAIR_TRANSITIONS, entries: REPAIR_ENTRIES },
  complaint: { transitions: COMPLAINT_TRANSITIONS, entries: COMPLAINT_ENTRIES },
  card: { transitions: CARD_TRANSITIONS, entries: CARD_ENTRIES },
};

/**
 * Events that, once the ticket has moved past them, mean someone else got there first rather
 * than "not allowed": a second accept is answered with TICKET.ALREADY_TAKEN.
 */
export const TAKEN_WHEN_MISSING: Partial<Record<EventType, true>> = { accept: true };

/** Some running clock of the handler's (the callback is the desk's) passes the test. */
const anyClock = (t: Ticket, test: (c: NonNullable<Ticket['clocks'][ClockName]>) => boolean): boolean =>
  (Object.entries(t.clocks) as [ClockName, Ticket['clocks'][ClockName]][]).some(
    ([name, c]) => name !== 'callback' && !!c && c.stoppedAt === undefined && test(c),
  );

/**
 * Clock events, possible in every open state of every kind: the sweep's reminder and
 * escalation (the platform only), and pausing the clocks while the ticket waits for the owner
 * (owner not at home, appointment moved at their request), which the handler or the desk does.
 */
export const CLOCK_RULES: Partial<Record<EventType, TransitionRule>> = {
  remind: { by: ['system'] },
  escalate: { by: ['system'] },
  seek_help: { by: ['system'], when: (t) => t.state === 'submitted' || t.state === 'dispatched' },
  pause: { by: ['assignee', 'desk'], when: (t) => anyClock(t, (c) => c.pausedAt === undefined) },
  resume: { by: ['assignee', 'desk'], when: (t) => anyClock(t, (c) => c.pausedAt !== undefined) },
  // Public-area repairs: the technician sizes the job (小修/中修/大修), which sets its deadline, and
  // reports what cannot be fixed yet with the reason and an expected date.
  classify: { by: ['assignee', 'desk'], when: (t) => publicWork(t) },
  defer: { by: ['assignee'], when: (t) => publicWork(t) && t.clocks.report?.stoppedAt === undefined && !!t.clocks.report },
  // 工作备注 (not a clock event, but like them possible in every open state): the holder or the
  // desk notes what happened, with photos; staff only (the owner's timeline leaves it out).
  note: { by: ['assignee', 'desk'] },
};

const publicWork = (t: Ticket): boolean =>
  t.kind === 'repair' && t.area === 'public' && (t.state === 'accepted' || t.state === 'on_site' || t.state === 'in_progress');
