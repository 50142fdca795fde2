import { findCardType } from '../catalog/cards';
import { findCategory } from '../catalog/categories';
import { findComplaintCategory } from '../catalog/complaints';
import { DEFAULT_POLICY, MINUTE } from '../sla/policy';
import { formatLocal } from '../sla/time';
import { TEAM_NAMES } from '../tickets/actor';
import { KIND_NAMES } from '../tickets/kinds';
import { KPI_CLOCKS } from './clock-outcomes';
import type { TicketFacts } from './facts';
import type { Duration, Figures, Rate } from './figures';
import { AVG_LABEL, CALLBACK_LABELS, CLOCK_OUTCOME_LABELS, KPI_CLOCK_LABELS, METRIC_LABELS, OUTCOME_LABELS, P90_LABEL } from './labels';

export type Cell = string | number | null;

/** Excel reads a file starting with a BOM as UTF-8: Chinese opens correctly. */
export const BOM = '\uFEFF';

/**
 * One cell, RFC 4180: quoted when it holds a comma, a quote or a line break (quotes doubled).
 * A cell starting with = + - @ (or a tab or carriage return) would run as a formula in a
 * spreadsheet: it gets a leading ' (OWASP CSV injection), so an owner's words stay words.
 */
export const csvCell = (value: Cell): string => {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The CSV text of rows: BOM, CRLF after every row (RFC 4180). */
export const csvText = (rows: readonly (readonly Cell[])[]): string => BOM + rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');

/** Minutes with one decimal; empty when not measured. */
const minutes = (ms: number | null): Cell => (ms === null ? null : Math.round((ms / MINUTE) * 10) / 10);
const percent = (r: Rate): Cell => (r.value === null ? null : `${(Math.round(r.value * 1000) / 10).toFixed(1)}%`);

/** The category as the forms name it (水电, 噪音扰民, 门禁卡 …). */
export const categoryName = (f: TicketFacts): string =>
  (f.kind === 'repair' ? findCategory(f.category)?.name : f.kind === 'complaint' ? findComplaintCategory(f.category)?.name : findCardType(f.category)?.name) ??
  f.category;

const FACT_HEADERS = [
  '工单号', '类型', '类别', '区域', '小区', '班组', '处理人', '协办单', '提交时间', '状态', '结单时间',
  '派单用时(分钟)', '到场用时(分钟)', '完工用时(分钟)', '结单用时(分钟)', 'IC卡办理用时(分钟)',
  ...KPI_CLOCKS.map((c) => KPI_CLOCK_LABELS[c].replace(/及时率$/, '时限')),
  '回访方式', '处理满意度', '人员满意度', '返修次数', '被投诉人员',
];

/** The tickets behind the figures, one row each; times in the business zone. */
export const factsCsv = (facts: readonly TicketFacts[], utcOffsetMinutes = DEFAULT_POLICY.utcOffsetMinutes): string =>
  csvText([
    FACT_HEADERS,
    ...facts.map((f): Cell[] => [
      f.no,
      KIND_NAMES[f.kind],
      categoryName(f),
      f.area === 'public' ? '公共区域' : '户内',
      f.community,
      TEAM_NAMES[f.team],
      f.handler?.name ?? null,
      f.subtask ? '是' : '否',
      formatLocal(f.createdAt, utcOffsetMinutes),
      OUTCOME_LABELS[f.outcome],
      f.endedAt === null ? null : formatLocal(f.endedAt, utcOffsetMinutes),
      minutes(f.ms.dispatch),
      minutes(f.ms.arrive),
      minutes(f.ms.return),
      minutes(f.ms.close),
      minutes(f.cardTurnaroundMs),
      ...KPI_CLOCKS.map((c) => (f.clocks[c] ? CLOCK_OUTCOME_LABELS[f.clocks[c]] : null)),
      CALLBACK_LABELS[f.callback],
      f.rating?.handling ?? null,
      f.rating?.staff ?? null,
      f.reopenCount,
      f.aboutStaff?.name ?? null,
    ]),
  ]);

const durationHeaders = (label: string) => [`${label}${AVG_LABEL}(分钟)`, `${label}${P90_LABEL}(分钟)`];
const durationCells = (d: Duration): Cell[] => [minutes(d.avgMs), minutes(d.p90Ms)];

const FIGURE_HEADERS = [
  METRIC_LABELS.volume, METRIC_LABELS.requests, METRIC_LABELS.subtasks, METRIC_LABELS.closed, METRIC_LABELS.cancelled,
  METRIC_LABELS.referred, METRIC_LABELS.open, METRIC_LABELS.completionRate,
  ...KPI_CLOCKS.map((c) => KPI_CLOCK_LABELS[c]),
  METRIC_LABELS.callbackRate, METRIC_LABELS.callbacksDue, METRIC_LABELS.callbacksOwner, METRIC_LABELS.callbacksPhone, METRIC_LABELS.callbacksAuto,
  METRIC_LABELS.satisfactionHandling, METRIC_LABELS.satisfactionStaff, METRIC_LABELS.reopenRate, METRIC_LABELS.reopens,
  METRIC_LABELS.complaints, METRIC_LABELS.complaintsAboutStaff,
  ...durationHeaders(METRIC_LABELS.timeDispatch), ...durationHeaders(METRIC_LABELS.timeArrive),
  ...durationHeaders(METRIC_LABELS.timeReturn), ...durationHeaders(METRIC_LABELS.timeClose), ...durationHeaders(METRIC_LABELS.cardTurnaround),
];

/**
 * Figures as CSV, one row per group (a month, a team, a person …) named in the first column under
 * `groupHeader`. Rates as percentages with one decimal, empty where nothing was counted.
 */
export const figuresCsv = (rows: readonly { label: string; figures: Figures }[], groupHeader = '范围'): string =>
  csvText([
    [groupHeader, ...FIGURE_HEADERS],
    ...rows.map(({ label, figures: f }): Cell[] => [
      label,
      f.volume, f.requests, f.subtasks, f.closed, f.cancelled, f.referred, f.open, percent(f.completionRate),
      ...KPI_CLOCKS.map((c) => percent(f.onTime[c])),
      percent(f.callbackRate), f.callbacks.due, f.callbacks.owner, f.callbacks.phone, f.callbacks.auto,
      percent(f.satisfaction.handling), percent(f.satisfaction.staff), percent(f.reopenRate), f.reopens,
      f.complaints, f.complaintsAboutStaff,
      ...durationCells(f.time.dispatch), ...durationCells(f.time.arrive), ...durationCells(f.time.return),
      ...durationCells(f.time.close), ...durationCells(f.cardTurnaround),
    ]),
  ]);
