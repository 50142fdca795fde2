import type { Clock, ClockName, PublicSize, Ticket } from '../tickets/model';
import { addWorkingDays, endOfWorkingDay } from './calendar';
import { HOUR, MINUTE, type Policy } from './policy';

const WHOLE_DAY = { start: '00:00', end: '24:00' } as const;

/** A public-area repair's deadline for its size class, from its start (003 #17, 000 4.7). */
export const publicRepairDue = (size: PublicSize, startedAt: number, policy: Policy): number => {
  const p = policy.publicRepair;
  if (size === 'small') return startedAt + p.smallMinutes * MINUTE;
  const days = size === 'medium' ? p.mediumWorkingDays : p.majorWorkingDays;
  return addWorkingDays(startedAt, days, policy.workingHours, policy.utcOffsetMinutes, policy.calendar);
};

/**
 * Deadline of a clock started now, from policy data. The on-site clock honours an agreed
 * appointment: the technician must arrive within the agreed slot instead of the default minutes.
 */
const dispatchMinutes = (ticket: Ticket, policy: Policy): number => {
  if (ticket.kind === 'complaint') return policy.complaint.dispatchMinutes;
  if (ticket.kind === 'card') return policy.card.verifyMinutes;
  return ticket.area === 'public' ? policy.repair.publicDispatchMinutes : policy.repair.dispatchMinutes;
};

/** An IC card's stage (a card saved before stages existed is at the desk's); null for other kinds. */
const cardStage = (ticket: Ticket): 'verify' | 'issue' | null =>
  ticket.kind === 'card' ? (ticket.card?.stage ?? 'verify') : null;

/** A clock started now, or null when it does not apply to this ticket (e.g. `return` for a public repair). */
export const startClock = (name: ClockName, ticket: Ticket, now: number, policy: Policy): Clock | null => {
  const p = policy.repair;
  const days = (n: number) => addWorkingDays(now, n, policy.workingHours, policy.utcOffsetMinutes, policy.calendar);
  switch (name) {
    case 'dispatch':
      // An IC card past its identity check waits for engineering on its card clock instead.
      if (cardStage(ticket) === 'issue') return null;
      return { startedAt: now, dueAt: now + dispatchMinutes(ticket, policy) * MINUTE };
    case 'reply':
      // The reply time the owner asked for is the deadline (003 #19 3); every complaint has one.
      return { startedAt: now, dueAt: Math.max(now, ticket.complaint?.replyBy ?? now + 24 * HOUR) };
    case 'issue':
      // From the identity check to the card done (003 #11: engineering opens it in 8 minutes).
      return cardStage(ticket) === 'issue' ? { startedAt: now, dueAt: now + policy.card.issueMinutes * MINUTE } : null;
    case 'onSite':
      return ticket.appointment && ticket.appointment.end > now
        ? { startedAt: now, dueAt: ticket.appointment.end }
        : { startedAt: now, dueAt: now + (ticket.urgent ? p.urgentOnSiteMinutes : p.onSiteMinutes) * MINUTE };
    case 'return':
      // Free in-home repairs: returned by the end of the working day the technician is on site
      // (0 working days: today's closing, or the next working day's once today is over).
      return ticket.kind === 'repair' && ticket.area === 'home' && p.freeReturnByEndOfDay ? { startedAt: now, dueAt: days(0) } : null;
    case 'repair':
      return ticket.kind === 'repair' && ticket.area === 'public'
        ? { startedAt: now, dueAt: publicRepairDue(ticket.publicSize ?? 'small', now, policy), capAt: days(policy.publicRepair.hardLimitWorkingDays) }
        : null;
    case 'report':
      return ticket.kind === 'repair' && ticket.area === 'public' ? { startedAt: now, dueAt: days(policy.publicRepair.cannotFixReportWorkingDays) } : null;
    case 'progress':
      return ticket.kind === 'complaint' ? { startedAt: now, dueAt: now + policy.complaint.progressHours * HOUR } : null;
    case 'callback': {
      if (ticket.kind === 'complaint') {
        // The same day (000 4.5.1): by local midnight, but never less than the policy's hours.
        const dueAt = Math.max(endOfWorkingDay(now, WHOLE_DAY, policy.utcOffsetMinutes), now + policy.complaint.callbackHours * HOUR);
        return { startedAt: now, dueAt: Math.min(dueAt, now + p.callbackCapHours * HOUR), capAt: now + p.callbackCapHours * HOUR };
      }
      return { startedAt: now, dueAt: now + p.callbackHours * HOUR, capAt: now + p.callbackCapHours * HOUR };
    }
  }
};

export const isRunning = (clock: Clock | undefined): clock is Clock => !!clock && clock.stoppedAt === undefined;

/** Running and counting: not stopped, not paused. Only these are swept. */
export const isCounting = (clock: Clock | undefined): clock is Clock => isRunning(clock) && clock.pausedAt === undefined;

/** When the handler is reminded: once `remindAtFraction` of the clock's own time has passed. */
export const remindAt = (clock: Clock, policy: Policy): number => {
  const span = clock.dueAt - clock.startedAt - (clock.pausedMs ?? 0);
  return clock.dueAt - Math.round(span * (1 - policy.escalation.remindAtFraction));
};

/** When escalation step `k` (0 = the breach itself) is due; later steps of a capped clock at its cap. */
export const escalationAt = (clock: Clock, k: number, policy: Policy): number | null => {
  const step = policy.escalation.ladder[k];
  if (!step) return null;
  if (k > 0 && clock.capAt !== undefined) return Math.max(clock.capAt, clock.dueAt);
  return clock.dueAt + step.afterMinutes * MINUTE;
};

/** What the sweep must do next for a clock, and when: remind, escalate step k, or nothing. */
export const nextClockAction = (
  clock: Clock,
  policy: Policy,
): { at: number; action: 'remind' } | { at: number; action: 'escalate'; step: number } | null => {
  if (!isCounting(clock)) return null;
  const steps = clock.escalations ?? 0;
  if (steps === 0 && clock.remindedAt === undefined) {
    const at = remindAt(clock, policy);
    if (at < clock.dueAt) return { at, action: 'remind' };
  }
  const at = escalationAt(clock, steps, policy);
  return at === null ? null : { at, action: 'escalate', step: steps };
};

export const pauseClock = (clock: Clock, now: number, reason: string): Clock =>
  isCounting(clock) ? { ...clock, pausedAt: now, pauseReason: reason } : clock;

/** Resuming moves the deadline (and the cap) by the time spent paused: paused time is not counted. */
export const resumeClock = (clock: Clock, now: number): Clock => {
  if (!isRunning(clock) || clock.pausedAt === undefined) return clock;
  const paused = Math.max(0, now - clock.pausedAt);
  const { pausedAt: _at, pauseReason: _reason, ...rest } = clock;
  return {
    ...rest,
    dueAt: clock.dueAt + paused,
    ...(clock.capAt !== undefined ? { capAt: clock.capAt + paused } : {}),
    pausedMs: (clock.pausedMs ?? 0) + paused,
  };
};

/** A clock is breached when it stopped, or is still running, after its deadline. */
export const isBreached = (clock: Clock, now: number): boolean => (clock.stoppedAt ?? now) > clock.dueAt;

export const stopClock = (clock: Clock, now: number): Clock => (isRunning(clock) ? { ...clock, stoppedAt: now } : clock);

/**
 * The earliest instant at which the sweep must look at this ticket: a reminder, an escalation
 * step, or a message retry. Paused and stopped clocks need nothing; the sweep finds tickets by
 * this one indexed field.
 */
export const nextDueAt = (ticket: Pick<Ticket, 'clocks' | 'outbox'> & Partial<Pick<Ticket, 'state' | 'updatedAt'>>, policy: Policy): number | null => {
  const instants: number[] = [];
  // A ticket waiting for someone (待派单) is routed again now and then: someone may come on duty.
  if (ticket.state === 'submitted' && ticket.updatedAt !== undefined) instants.push(ticket.updatedAt + policy.routing.retryMinutes * MINUTE);
  for (const clock of Object.values(ticket.clocks)) {
    const next = clock && nextClockAction(clock, policy);
    if (next) instants.push(next.at);
  }
  for (const message of ticket.outbox) instants.push(message.nextAttemptAt);
  return instants.length ? Math.min(...instants) : null;
};

/** Whether a ticket is a major incident: a complaint of a category the policy calls major. */
export const isMajor = (t: Pick<Ticket, 'kind' | 'category'>, policy: Policy): boolean =>
  t.kind === 'complaint' && policy.complaint.majorCategories.includes(t.category);

/**
 * Who escalation step k of a ticket tells: the ladder's rung, except that a major complaint goes
 * straight to the manager at its breach (004 二).
 */
export const escalationRoles = (t: Pick<Ticket, 'kind' | 'category'>, step: number, policy: Policy): readonly ('supervisor' | 'manager')[] =>
  step === 0 && isMajor(t, policy) ? policy.escalation.majorTo : (policy.escalation.ladder[step]?.to ?? []);
