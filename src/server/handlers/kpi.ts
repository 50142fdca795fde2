import type { Handlers } from '../function';
import { kpiDashboard, kpiExportCsv, kpiReport, kpiReportCsv, kpiTickets } from '../usecases/kpi';

type KpiAction = 'kpi.dashboard' | 'kpi.tickets' | 'kpi.exportCsv' | 'kpi.report' | 'kpi.reportCsv';

/** Cloud function `kpi`: 统计报表 for the supervisor and the manager. */
export const kpiHandlers: Handlers<KpiAction> = {
  'kpi.dashboard': (input, call) => kpiDashboard(call.deps, call.policy, call.openid, input),
  'kpi.tickets': (input, call) => kpiTickets(call.deps, call.policy, call.openid, input),
  'kpi.exportCsv': (input, call) => kpiExportCsv(call.deps, call.policy, call.openid, input),
  'kpi.report': (input, call) => kpiReport(call.deps, call.openid, input.month),
  'kpi.reportCsv': (input, call) => kpiReportCsv(call.deps, call.openid, input.month),
};
