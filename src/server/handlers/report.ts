import { generateMonthlyReport } from '../usecases/kpi-report';
import type { TimerHandler } from '../timer-function';

/** The `report` function's timer: on the 1st, the previous month's 月度统计 is generated and kept. */
export const reportOnTimer: TimerHandler<Awaited<ReturnType<typeof generateMonthlyReport>>> = (_event, call) =>
  generateMonthlyReport(call.deps, call.policy);
