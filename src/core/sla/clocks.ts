import type { Clock, ClockName, RepairTicket } from '../tickets/model';
import { HOUR, MINUTE, type Policy } from './policy';

/**
 * Deadline of a clock started now, from policy data. The on-site clock honours an agreed
 * appointment: the technician must arrive within the agreed slot instead of the default minutes.
 */
export const startClock = (name: ClockName, ticket: RepairTicket, now: number, policy: Policy): Clock => {
  const p = policy.repair;
  switch (name) {
    case 'dispatch':
      return { startedAt: now, dueAt: now + (ticket.area === 'public' ? p.publicDispatchMinutes : p.dispatchMinutes) * MINUTE };
    case 'onSite':
      return ticket.appointment && ticket.appointment.end > now
        ? { startedAt: now, dueAt: ticket.appointment.end }
        : { startedAt: now, dueAt: now + p.onSiteMinutes * MINUTE };
    case 'callback':
      return { startedAt: now, dueAt: now + p.callbackHours * HOUR, capAt: now + p.callbackCapHours * HOUR };
  }
};

export const isRunning = (clock: Clock | undefined): clock is Clock => !!clock && clock.stoppedAt === undefined;

/** A clock is breached when it stopped, or is still running, after its deadline. */
export const isBreached = (clock: Clock, now: number): boolean => (clock.stoppedAt ?? now) > clock.dueAt;

export const stopClock = (clock: Clock, now: number): Clock => (isRunning(clock) ? { ...clock, stoppedAt: now } : clock);

/** The earliest instant at which something about this ticket falls due (clock or message retry). */
export const nextDueAt = (ticket: Pick<RepairTicket, 'clocks' | 'outbox'>, now: number): number | null => {
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
