import { sweep, type SweepReport } from '../usecases/sweep';
import type { TimerHandler } from '../timer-function';

/** The `sweep` function's timer: SLA reminders and escalations, and retries of failed pushes. */
export const sweepOnTimer: TimerHandler<SweepReport> = (_event, call) => sweep(call.deps, call.policy);
