import { isBreached, isRunning, nextDueAt, startClock, stopClock } from '@/core/sla/clocks';
import type { Clock, OutboxMessage, Ticket } from '@/core/tickets/model';
import { DEFAULT_POLICY, HOUR, MINUTE, T0, newTicket } from '../fixtures';

const running = (dueAt: number, capAt?: number): Clock => (capAt === undefined ? { startedAt: T0, dueAt } : { startedAt: T0, dueAt, capAt });

const message = (nextAttemptAt: number): OutboxMessage => ({
  id: `m${nextAttemptAt}`,
  template: 'task_assigned',
  touser: 'openid-x',
  recipient: 'assignee',
  page: 'staff/task/index?id=x',
  data: {},
  attempts: 1,
  nextAttemptAt,
  lastError: null,
});

const due = (clocks: Ticket['clocks'], now: number, outbox: OutboxMessage[] = []) => nextDueAt({ clocks, outbox }, now);

describe('isBreached', () => {
  const clock = running(T0 + 10 * MINUTE);

  it('a running clock is not breached up to and including its deadline', () => {
    expect(isBreached(clock, T0)).toBe(false);
    expect(isBreached(clock, T0 + 10 * MINUTE)).toBe(false);
  });

  it('a running clock is breached one millisecond after its deadline', () => {
    expect(isBreached(clock, T0 + 10 * MINUTE + 1)).toBe(true);
  });

  it('a clock stopped in time stays unbreached forever', () => {
    expect(isBreached(stopClock(clock, T0 + 9 * MINUTE), T0 + 100 * HOUR)).toBe(false);
  });

  it('a clock stopped late stays breached, whatever now is', () => {
    expect(isBreached(stopClock(clock, T0 + 11 * MINUTE), T0)).toBe(true);
  });
});

describe('stopClock', () => {
  it('stops a running clock at now', () => {
    expect(stopClock(running(T0 + MINUTE), T0 + 30_000)).toEqual({ startedAt: T0, dueAt: T0 + MINUTE, stoppedAt: T0 + 30_000 });
  });

  it('is idempotent: stopping again keeps the first stop time and returns the same clock', () => {
    const once = stopClock(running(T0 + MINUTE), T0 + 30_000);
    const twice = stopClock(once, T0 + 5 * MINUTE);
    expect(twice).toBe(once);
    expect(twice.stoppedAt).toBe(T0 + 30_000);
    expect(isRunning(twice)).toBe(false);
  });

  it('does not modify the clock it is given', () => {
    const clock = running(T0 + MINUTE);
    stopClock(clock, T0 + 30_000);
    expect(clock).toEqual({ startedAt: T0, dueAt: T0 + MINUTE });
  });
});

describe('startClock', () => {
  const t = newTicket();

  it('dispatch, onSite and callback take their deadlines from the policy', () => {
    expect(startClock('dispatch', t, T0, DEFAULT_POLICY)).toEqual({ startedAt: T0, dueAt: T0 + 2 * MINUTE });
    expect(startClock('onSite', t, T0, DEFAULT_POLICY)).toEqual({ startedAt: T0, dueAt: T0 + 15 * MINUTE });
    expect(startClock('callback', t, T0, DEFAULT_POLICY)).toEqual({ startedAt: T0, dueAt: T0 + 8 * HOUR, capAt: T0 + 24 * HOUR });
  });
});

describe('nextDueAt', () => {
  it('is null when no clock runs and no message waits', () => {
    expect(due({}, T0)).toBeNull();
    expect(due({ dispatch: stopClock(running(T0 + MINUTE), T0) }, T0)).toBeNull();
  });

  it('picks the earliest deadline among running clocks, ignoring stopped ones', () => {
    const clocks = {
      dispatch: stopClock(running(T0 + MINUTE), T0),
      onSite: running(T0 + 15 * MINUTE),
      callback: running(T0 + 8 * HOUR, T0 + 24 * HOUR),
    };
    expect(due(clocks, T0)).toBe(T0 + 15 * MINUTE);
  });

  it('uses capAt instead of dueAt once dueAt has passed', () => {
    const clocks = { callback: running(T0 + 8 * HOUR, T0 + 24 * HOUR) };
    expect(due(clocks, T0 + 8 * HOUR - 1)).toBe(T0 + 8 * HOUR);
    expect(due(clocks, T0 + 9 * HOUR)).toBe(T0 + 24 * HOUR);
  });

  it('keeps a passed deadline of a clock without cap: the ticket stays due until someone acts', () => {
    expect(due({ onSite: running(T0 + 15 * MINUTE) }, T0 + HOUR)).toBe(T0 + 15 * MINUTE);
  });

  it('includes the next attempt of messages waiting in the outbox', () => {
    const clocks = { onSite: running(T0 + 15 * MINUTE) };
    expect(due(clocks, T0, [message(T0 + MINUTE), message(T0 + 2 * MINUTE)])).toBe(T0 + MINUTE);
    expect(due(clocks, T0, [message(T0 + HOUR)])).toBe(T0 + 15 * MINUTE);
    expect(due({}, T0, [message(T0 + HOUR)])).toBe(T0 + HOUR);
  });

  // A sweep that looks at a ticket at `now` and sleeps until nextDueAt must not sleep past the
  // first breached instant (dueAt + 1 ms, see isBreached). At exactly dueAt nothing is breached yet.
  it('at exactly dueAt (not yet breached) the next look is not pushed to capAt', () => {
    const clock = running(T0 + 8 * HOUR, T0 + 24 * HOUR);
    expect(isBreached(clock, T0 + 8 * HOUR)).toBe(false);
    expect(due({ callback: clock }, T0 + 8 * HOUR)).not.toBe(T0 + 24 * HOUR);
  });
});
