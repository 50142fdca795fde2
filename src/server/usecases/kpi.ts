import { categoryName, factsCsv, figuresCsv } from '../../core/kpi/csv';
import { drillMatches, KPI_DRILL_LABELS, type KpiDrill } from '../../core/kpi/drill';
import type { TicketFacts } from '../../core/kpi/facts';
import { figuresOf } from '../../core/kpi/figures';
import { figuresBy, trend, type Dimension, type Group } from '../../core/kpi/group';
import { CALLBACK_LABELS, DIMENSION_LABELS, KPI_CLOCK_LABELS, OUTCOME_LABELS } from '../../core/kpi/labels';
import { inScope } from '../../core/kpi/scope';
import type { KpiClock } from '../../core/kpi/clock-outcomes';
import { tallyOf } from '../../core/kpi/tally';
import { DomainError } from '../../core/errors';
import type { Policy } from '../../core/sla/policy';
import { KIND_NAMES } from '../../core/tickets/kinds';
import type { Deps, KpiReportRecord } from '../ports';
import { requireOverseer } from './overseer';
import { factsBetween, rangeFor, type RangeInput } from './kpi-facts';

/** The drill-down lists at most this many tickets (the newest); its total counts them all. */
export const KPI_DRILL_LIMIT = 100;
/** The most rows a ticket CSV holds: beyond, the person narrows the range (a function's answer has a size limit). */
export const KPI_EXPORT_MAX_ROWS = 20_000;
/** Monthly reports listed on the dashboard: two years. */
const REPORTS_LISTED = 24;

/** What the refusal says only the supervisor and the manager may do. */
const VIEW = '查看统计报表';

const DIMENSIONS: readonly Dimension[] = ['community', 'kind', 'team', 'staff'];

const breakdown = (facts: readonly TicketFacts[], policy: Policy) =>
  Object.fromEntries(DIMENSIONS.map((d) => [d, figuresBy(facts, d, policy.kpi)])) as Record<Dimension, Group[]>;

const scopedFacts = async (deps: Deps, policy: Policy, openid: string, input: RangeInput) => {
  await requireOverseer(deps, openid, VIEW);
  const range = rangeFor(input, deps.now(), policy);
  const { facts, docsRead } = await factsBetween(deps, range.from, range.to);
  return { range, all: facts, facts: facts.filter(inScope(input)), docsRead };
};

/** 统计报表: the figures of a range against the targets, their trend, and the breakdowns. */
export const kpiDashboard = async (deps: Deps, policy: Policy, openid: string, input: RangeInput) => {
  // The kept reports' list does not depend on the range: read beside the days (answered only if allowed).
  const [{ range, all, facts, docsRead }, reports] = await Promise.all([scopedFacts(deps, policy, openid, input), deps.kpi.listReports(REPORTS_LISTED)]);
  return {
    from: range.from,
    to: range.to,
    unit: range.unit,
    figures: figuresOf(tallyOf(facts), policy.kpi),
    trend: trend(facts, range.from, range.to, range.unit, policy.kpi),
    by: breakdown(facts, policy),
    communities: [...new Set(all.map((f) => f.community))].sort((a, b) => a.localeCompare(b, 'zh')),
    reports,
    docsRead,
  };
};

/** Why a ticket is behind the number: the clock it missed, the stars, the callback, the person named. */
const noteOf = (f: TicketFacts, drill: KpiDrill): string => {
  if (drill.startsWith('late.')) return `${KPI_CLOCK_LABELS[drill.slice(5) as KpiClock].replace(/及时率$/, '')}超时`;
  switch (drill) {
    case 'unsatisfied.handling':
      return `处理满意度 ${f.rating?.handling ?? '—'}星`;
    case 'unsatisfied.staff':
      return `人员满意度 ${f.rating?.staff ?? '—'}星`;
    case 'noCallback':
      return CALLBACK_LABELS[f.callback];
    case 'reopened':
      return `返修 ${f.reopenCount} 次`;
    case 'aboutStaff':
      return `投诉${f.aboutStaff?.name ? `：${f.aboutStaff.name}` : '人员'}`;
    default:
      return f.subtask ? '协办单' : '';
  }
};

/** The tickets behind a number, newest first. */
export const kpiTickets = async (deps: Deps, policy: Policy, openid: string, input: RangeInput & { drill: KpiDrill }) => {
  const { facts } = await scopedFacts(deps, policy, openid, input);
  const behind = facts.filter(drillMatches(input.drill)).sort((a, b) => b.createdAt - a.createdAt);
  return {
    title: KPI_DRILL_LABELS[input.drill],
    total: behind.length,
    tickets: behind.slice(0, KPI_DRILL_LIMIT).map((f) => ({
      id: f.id,
      no: f.no,
      kindName: KIND_NAMES[f.kind],
      categoryName: categoryName(f),
      community: f.community,
      handlerName: f.handler?.name ?? null,
      createdAt: f.createdAt,
      outcomeName: OUTCOME_LABELS[f.outcome],
      note: noteOf(f, input.drill),
    })),
  };
};

/** The rows of a figures CSV: the total, then each breakdown's groups named by their dimension (班组：工程部). */
const figureRows = (figures: ReturnType<typeof figuresOf>, by: Record<Dimension, Group[]>) => [
  { label: '合计', figures },
  ...(['team', 'staff', 'community', 'kind'] as const).flatMap((d) => by[d].map((g) => ({ label: `${DIMENSION_LABELS[d]}：${g.label}`, figures: g.figures }))),
];

/** CSV of the tickets (one row each, oldest first) or of the figures (total and breakdowns). */
export const kpiExportCsv = async (deps: Deps, policy: Policy, openid: string, input: RangeInput & { what: 'tickets' | 'figures' }) => {
  const { range, facts } = await scopedFacts(deps, policy, openid, input);
  const span = `${range.from}_${range.to}`;
  if (input.what === 'tickets') {
    if (facts.length > KPI_EXPORT_MAX_ROWS) throw new DomainError('KPI.TOO_MANY_ROWS');
    const rows = [...facts].sort((a, b) => a.createdAt - b.createdAt);
    return { fileName: `工单明细_${span}.csv`, csv: factsCsv(rows, policy.utcOffsetMinutes), rows: rows.length };
  }
  const rows = figureRows(figuresOf(tallyOf(facts), policy.kpi), breakdown(facts, policy));
  return { fileName: `统计数据_${span}.csv`, csv: figuresCsv(rows), rows: rows.length };
};

const keptReport = async (deps: Deps, openid: string, month: string): Promise<KpiReportRecord> => {
  await requireOverseer(deps, openid, VIEW);
  const report = await deps.kpi.report(month);
  if (!report) throw new DomainError('KPI.REPORT_NOT_FOUND');
  return report;
};

/** A kept monthly report. */
export const kpiReport = async (deps: Deps, openid: string, month: string) => ({ report: await keptReport(deps, openid, month) });

/** A kept monthly report as CSV (the same rows as the figures export). */
export const kpiReportCsv = async (deps: Deps, openid: string, month: string) => {
  const report = await keptReport(deps, openid, month);
  const rows = figureRows(report.figures, report.by);
  return { fileName: `月度统计_${report.month}.csv`, csv: figuresCsv(rows), rows: rows.length };
};
