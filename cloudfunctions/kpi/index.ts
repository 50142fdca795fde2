import { KPI_ACTIONS } from '../../src/core/contract/kpi-actions';
import { createFunction } from '../../src/server/function';
import { kpiHandlers } from '../../src/server/handlers/kpi';
import { calendar, kpi, staff, wire } from '../../src/server/deps';

/** Cloud function `kpi`: serves the `kpi.*` actions (统计报表, 工单明细, CSV, 月度报告). */
export const main = createFunction(KPI_ACTIONS, kpiHandlers, wire({ staff, kpi, calendar }));
