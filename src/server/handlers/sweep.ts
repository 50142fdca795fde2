import { ensureCalendarYears } from '../usecases/calendar-seed';
import { sweep, type SweepReport } from '../usecases/sweep';
import type { TimerHandler } from '../timer-function';

/**
 * The `sweep` function's timer: SLA reminders and escalations, and retries of failed pushes; and
 * this year's and next year's working calendar kept (seeded or estimated) before any clock needs it.
 */
export const sweepOnTimer: TimerHandler<SweepReport> = async (_event, call) => {
  // The calendar never holds up the clocks: a failure is logged and tried again next minute.
  await ensureCalendarYears(call.deps, call.policy).catch((e) => console.error('[calendar] 节假日安排补充失败', e));
  return sweep(call.deps, call.policy);
};
