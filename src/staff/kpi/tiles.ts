import type { Figures } from '@/core/contract/kpi-actions'
import { KPI_CLOCK_LABELS, METRIC_LABELS } from '@/core/kpi/labels'
import type { KpiDrill } from '@/core/kpi/drill'
import { durationMissed, durationText, fractionText, percentText, rateMissed, rateTargetText, type Rate } from '@/utils/kpi-format'

/** One number of the dashboard: what it is, against what, whether it misses, and its tickets. */
export interface Tile {
  key: string
  label: string
  value: string
  /** A second line: what the rate counts (9/10), or what the number is made of. */
  sub: string
  target: string | null
  missed: boolean
  drill: KpiDrill
}

const rateTile = (key: string, label: string, rate: Rate, drill: KpiDrill, lowerIsBetter = false): Tile => ({
  key,
  label,
  value: percentText(rate.value),
  sub: fractionText(rate),
  target: rateTargetText(rate, lowerIsBetter),
  missed: rateMissed(rate, lowerIsBetter),
  drill,
})

/** The headline numbers (standards' 月度统计), in the order a supervisor reads them. */
export const headlineTiles = (f: Figures): Tile[] => [
  { key: 'volume', label: METRIC_LABELS.volume, value: String(f.volume), sub: f.subtasks > 0 ? `请求 ${f.requests} · 协办 ${f.subtasks}` : `业主请求 ${f.requests}`, target: null, missed: false, drill: 'volume' },
  rateTile('completion', METRIC_LABELS.completionRate, f.completionRate, 'notDone'),
  rateTile('callback', METRIC_LABELS.callbackRate, f.callbackRate, 'noCallback'),
  rateTile('dispatch', KPI_CLOCK_LABELS.dispatch, f.onTime.dispatch, 'late.dispatch'),
  rateTile('onSite', KPI_CLOCK_LABELS.onSite, f.onTime.onSite, 'late.onSite'),
  rateTile('return', KPI_CLOCK_LABELS.return, f.onTime.return, 'late.return'),
  rateTile('callbackOnTime', KPI_CLOCK_LABELS.callback, f.onTime.callback, 'late.callback'),
  rateTile('handling', METRIC_LABELS.satisfactionHandling, f.satisfaction.handling, 'unsatisfied.handling'),
  rateTile('staff', METRIC_LABELS.satisfactionStaff, f.satisfaction.staff, 'unsatisfied.staff'),
  { ...rateTile('reopen', METRIC_LABELS.reopenRate, f.reopenRate, 'reopened', true), sub: `返修 ${f.reopens} 次` },
  {
    key: 'aboutStaff',
    label: '投诉人员',
    value: String(f.complaintsAboutStaff),
    sub: `投诉共 ${f.complaints} 件`,
    target: null,
    missed: false,
    drill: 'aboutStaff',
  },
  {
    key: 'card',
    label: METRIC_LABELS.cardTurnaround,
    value: durationText(f.cardTurnaround.avgMs),
    sub: `${f.cardTurnaround.count} 单 · 平均`,
    target: f.cardTurnaround.targetMs === null ? null : `目标 ${durationText(f.cardTurnaround.targetMs)}`,
    missed: durationMissed(f.cardTurnaround),
    drill: 'late.issue',
  },
]
