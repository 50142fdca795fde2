import type { Clock, ClockName, Ticket } from '../tickets/model';
import { HOUR, MINUTE, type Policy } from './policy';

/**
 * Deadline of a clock started now, from policy data. The on-site clock honours an agreed
 * appointment: the technician must arrive within the agreed slot instead of the default minutes.
 */
const dispatchMinutes = (ticket: Ticket, policy: Policy): number => {
  if (ticket.kind === 'complaint') return policy.complaint.dispatchMinutes;
  if (ticket.kind === 'card') return policy.card.verifyMinutes;
  return ticket.area === 'public' ? policy.repair.publicDispatchMinutes : policy.repair.dispatchMinutes;
};

export const startClock = (name: ClockName, ticket: Ticket, now: number, policy: Policy): Clock => {
  const p = policy.repair;
  switch (name) {
    case 'dispatch':
      return { startedAt: now, dueAt: now + dispatchMinutes(ticket, policy) * MINUTE };
    case 'reply':
      // The reply time the owner asked for is the deadline (003 #19 3); every complaint has one.
      return { startedAt: now, dueAt: Math.max(now, ticket.complaint?.replyBy ?? now + 24 * HOUR) };
    case 'issue':
      return { startedAt: now, dueAt: now + policy.card.issueMinutes * MINUTE };
    case 'onSite':
      return ticket.appointment && ticket.appointment.end > now
        ? { startedAt: now, dueAt: ticket.appointment.end }
        : { startedAt: now, dueAt: now + p.onSiteMinutes * MINUTE };
    case 'callback': {
      const hours = ticket.kind === 'complaint' ? policy.complaint.callbackHours : p.callbackHours;
      return { startedAt: now, dueAt: now + hours * HOUR, capAt: now + p.callbackCapHours * HOUR };
    }
  }
};

export const isRunning = (clock: Clock | undefined): clock is Clock => !!clock && clock.stoppedAt === undefined;

/** A clock is breached when it stopped, or is still running, after its deadline. */
export const isBreached = (clock: Clock, now: number): boolean => (clock.stoppedAt ?? now) > clock.dueAt;

export const stopClock = (clock: Clock, now: number): Clock => (isRunning(clock) ? { ...clock, stoppedAt: now } : clock);

/** The earliest instant at which something about this ticket falls due (clock or message retry). */
export const nextDueAt = (ticket: Pick<Ticket, 'clocks' | 'outbox'>, now: number): number | null => {
  const instants: number[] = [];
  for (const clock of Object.values(ticket.clocks)) {
    if (!isRunning(clock)) continue;
    // Until the deadline has passed (a clock is breached only after dueAt) the deadline is next.
    if (clock.dueAt >= now || clock.capAt === undefined) instants.push(clock.dueAt);
    else instants.push(clock.capAt);
  }
  for (const message of ticket.outbox) instants.push(message.nextAttemptAt);
  return instants.length ? Math.min(...instants) : null;
};
