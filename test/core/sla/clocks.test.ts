import { escalationRoles, isBreached, isRunning, nextClockAction, nextDueAt, pauseClock, remindAt, resumeClock, startClock, stopClock } from '@/core/sla/clocks';
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

const due = (clocks: Ticket['clocks'], _now: number, outbox: OutboxMessage[] = []) => nextDueAt({ clocks, outbox }, DEFAULT_POLICY);

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

describe('nextDueAt: when the sweep must look next', () => {
  it('is null when no clock runs and no message waits', () => {
    expect(due({}, T0)).toBeNull();
    expect(due({ dispatch: stopClock(running(T0 + MINUTE), T0) }, T0)).toBeNull();
  });

  it('picks the earliest reminder (80% of a clock) among running clocks, ignoring stopped ones', () => {
    const clocks = {
      dispatch: stopClock(running(T0 + MINUTE), T0),
      onSite: running(T0 + 15 * MINUTE),
      callback: running(T0 + 8 * HOUR, T0 + 24 * HOUR),
    };
    expect(due(clocks, T0)).toBe(T0 + 12 * MINUTE);
  });

  it('after the reminder: the deadline (the breach); after the breach: the next escalation step', () => {
    expect(due({ onSite: { ...running(T0 + 15 * MINUTE), remindedAt: T0 + 12 * MINUTE } }, T0)).toBe(T0 + 15 * MINUTE);
    // Step 1 (the manager) 60 minutes after the deadline by default…
    expect(due({ onSite: { ...running(T0 + 15 * MINUTE), remindedAt: T0, escalations: 1 } }, T0)).toBe(T0 + 75 * MINUTE);
    // …or at the hard cap for a capped clock (the callback's 24 hours).
    expect(due({ callback: { ...running(T0 + 8 * HOUR, T0 + 24 * HOUR), remindedAt: T0, escalations: 1 } }, T0)).toBe(T0 + 24 * HOUR);
    // The ladder has two steps: then nothing is left to do for that clock.
    expect(due({ onSite: { ...running(T0 + 15 * MINUTE), remindedAt: T0, escalations: 2 } }, T0)).toBeNull();
  });

  it('a paused clock needs nothing until it is resumed', () => {
    expect(due({ onSite: pauseClock(running(T0 + 15 * MINUTE), T0 + MINUTE, '业主不在家') }, T0)).toBeNull();
  });

  it('includes the next attempt of messages waiting in the outbox', () => {
    const clocks = { onSite: running(T0 + 15 * MINUTE) };
    expect(due(clocks, T0, [message(T0 + MINUTE), message(T0 + 2 * MINUTE)])).toBe(T0 + MINUTE);
    expect(due(clocks, T0, [message(T0 + HOUR)])).toBe(T0 + 12 * MINUTE);
    expect(due({}, T0, [message(T0 + HOUR)])).toBe(T0 + HOUR);
  });
});

describe('pause and resume', () => {
  it('paused time is not counted: the deadline and the cap move by the pause', () => {
    const paused = pauseClock(running(T0 + 8 * HOUR, T0 + 24 * HOUR), T0 + HOUR, '等待业主确认');
    expect(paused).toMatchObject({ pausedAt: T0 + HOUR, pauseReason: '等待业主确认' });
    const resumed = resumeClock(paused, T0 + 3 * HOUR);
    expect(resumed).toEqual({ startedAt: T0, dueAt: T0 + 10 * HOUR, capAt: T0 + 26 * HOUR, pausedMs: 2 * HOUR });
    // The reminder stays at 80% of the clock's own (unpaused) time: 8 h → 6.4 h counted.
    expect(remindAt(resumed, DEFAULT_POLICY)).toBe(T0 + 10 * HOUR - Math.round(8 * HOUR * 0.2));
  });

  it('two pauses add up; resuming a running clock or pausing a paused one changes nothing', () => {
    let c = running(T0 + 15 * MINUTE);
    expect(resumeClock(c, T0)).toBe(c);
    c = resumeClock(pauseClock(c, T0 + MINUTE, 'a'), T0 + 6 * MINUTE);
    const again = pauseClock(c, T0 + 7 * MINUTE, 'b');
    expect(pauseClock(again, T0 + 8 * MINUTE, 'c')).toBe(again);
    expect(resumeClock(again, T0 + 10 * MINUTE)).toMatchObject({ dueAt: T0 + 23 * MINUTE, pausedMs: 8 * MINUTE });
  });
});

describe('nextClockAction', () => {
  it('remind, then escalate step 0 at the deadline, then step 1', () => {
    const c = running(T0 + 10 * MINUTE);
    expect(nextClockAction(c, DEFAULT_POLICY)).toEqual({ action: 'remind', at: T0 + 8 * MINUTE });
    expect(nextClockAction({ ...c, remindedAt: T0 + 8 * MINUTE }, DEFAULT_POLICY)).toEqual({ action: 'escalate', step: 0, at: T0 + 10 * MINUTE });
    expect(nextClockAction({ ...c, remindedAt: T0, escalations: 1 }, DEFAULT_POLICY)).toEqual({ action: 'escalate', step: 1, at: T0 + 70 * MINUTE });
  });

  it('a clock already past its reminder point when swept escalates without a late reminder only if the deadline passed too', () => {
    // Reminded or not, once breached the next action is the escalation: no reminder after a breach.
    expect(nextClockAction({ ...running(T0 + 10 * MINUTE), escalations: 1 }, DEFAULT_POLICY)).toMatchObject({ action: 'escalate', step: 1 });
  });

  it('the reminder share and the ladder are policy data', () => {
    const policy = { ...DEFAULT_POLICY, escalation: { remindAtFraction: 0.5, ladder: [{ afterMinutes: 5, to: ['manager'] as const }], majorTo: ['manager'] as const } };
    const c = running(T0 + 10 * MINUTE);
    expect(nextClockAction(c, policy)).toEqual({ action: 'remind', at: T0 + 5 * MINUTE });
    expect(nextClockAction({ ...c, remindedAt: T0 }, policy)).toEqual({ action: 'escalate', step: 0, at: T0 + 15 * MINUTE });
    expect(nextClockAction({ ...c, remindedAt: T0, escalations: 1 }, policy)).toBeNull();
  });
});

describe('escalationRoles: who each step tells', () => {
  it('the ladder for every ticket, but a major complaint (安全秩序 by default) goes straight to the manager', () => {
    expect(escalationRoles({ kind: 'repair', category: 'plumbing_electric' }, 0, DEFAULT_POLICY)).toEqual(['supervisor']);
    expect(escalationRoles({ kind: 'complaint', category: 'noise' }, 0, DEFAULT_POLICY)).toEqual(['supervisor']);
    expect(escalationRoles({ kind: 'complaint', category: 'security' }, 0, DEFAULT_POLICY)).toEqual(['manager']);
    expect(escalationRoles({ kind: 'complaint', category: 'security' }, 1, DEFAULT_POLICY)).toEqual(['manager']);
    expect(escalationRoles({ kind: 'repair', category: 'x' }, 2, DEFAULT_POLICY)).toEqual([]);
  });
});
