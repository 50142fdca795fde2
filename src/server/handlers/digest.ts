import type { TimerHandler } from '../timer-function';
import { dailyDigest, type DigestReport } from '../usecases/digest';

/** The `digest` function's timer: the front desk's and the supervisor's morning digests. */
export const digestOnTimer: TimerHandler<DigestReport> = (_event, call) => dailyDigest(call.deps, call.policy);
