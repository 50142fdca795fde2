import type { Figures } from '@/core/contract/kpi-actions'
import { KPI_CLOCK_LABELS, METRIC_LABELS } from '@/core/kpi/labels'
import type { Rate } from '@/utils/kpi-format'

/** The rates the trend's line can show; the bars are always the volume. */
export const TREND_LINES = [
  { key: 'callback', label: METRIC_LABELS.callbackRate, rate: (f: Figures): Rate => f.callbackRate },
  { key: 'dispatch', label: KPI_CLOCK_LABELS.dispatch, rate: (f: Figures): Rate => f.onTime.dispatch },
  { key: 'onSite', label: KPI_CLOCK_LABELS.onSite, rate: (f: Figures): Rate => f.onTime.onSite },
  { key: 'completion', label: METRIC_LABELS.completionRate, rate: (f: Figures): Rate => f.completionRate },
  { key: 'handling', label: METRIC_LABELS.satisfactionHandling, rate: (f: Figures): Rate => f.satisfaction.handling },
] as const

export type TrendLine = (typeof TREND_LINES)[number]['key']
