import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Tabs from '@/components/Tabs'
import type { KpiGroupView, KpiReport } from '@/core/contract/kpi-actions'
import type { KpiDrill } from '@/core/kpi/drill'
import { DIMENSION_LABELS, KPI_CLOCK_LABELS, METRIC_LABELS } from '@/core/kpi/labels'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import { percentText, rateMissed, type Rate } from '@/utils/kpi-format'
import type { KpiScopeInput } from './scope-query'
import './breakdown.css'

export type Dimension = keyof typeof DIMENSION_LABELS

const ORDER: Dimension[] = ['team', 'staff', 'community', 'kind']

/** The scope of one group: its community, kind, team or person (handler). */
export const groupScope = (dim: Dimension, key: string): Partial<KpiScopeInput> =>
  dim === 'staff' ? { staffId: key } : dim === 'team' ? { team: key as KpiScopeInput['team'] } : dim === 'kind' ? { kind: key as KpiScopeInput['kind'] } : { community: key }

interface Metric {
  key: string
  label: string
  rate: (g: KpiGroupView) => Rate
  drill: KpiDrill
  lowerIsBetter?: boolean
}

const METRICS: Metric[] = [
  { key: 'completion', label: METRIC_LABELS.completionRate, rate: (g) => g.figures.completionRate, drill: 'notDone' },
  { key: 'callback', label: METRIC_LABELS.callbackRate, rate: (g) => g.figures.callbackRate, drill: 'noCallback' },
  { key: 'dispatch', label: KPI_CLOCK_LABELS.dispatch, rate: (g) => g.figures.onTime.dispatch, drill: 'late.dispatch' },
  { key: 'onSite', label: KPI_CLOCK_LABELS.onSite, rate: (g) => g.figures.onTime.onSite, drill: 'late.onSite' },
  { key: 'handling', label: METRIC_LABELS.satisfactionHandling, rate: (g) => g.figures.satisfaction.handling, drill: 'unsatisfied.handling' },
  { key: 'reopen', label: METRIC_LABELS.reopenRate, rate: (g) => g.figures.reopenRate, drill: 'reopened', lowerIsBetter: true },
]

export interface BreakdownProps {
  by: KpiReport['by']
  /** Opens the tickets behind a group's number: the group's scope and the drill. */
  onDrill: (group: Partial<KpiScopeInput>, drill: KpiDrill) => void
}

/**
 * 分项统计 by 班组, 人员, 小区 and 类型: each group's volume and its main rates; every number opens
 * the tickets behind it, limited to that group.
 */
export default function Breakdown({ by, onDrill }: BreakdownProps) {
  const [dim, setDim] = useState<Dimension>('team')
  const groups = by[dim]
  return (
    <View className='kpi-breakdown'>
      <Tabs items={ORDER.map((d) => ({ value: d, label: DIMENSION_LABELS[d] }))} value={dim} onChange={setDim} />
      {groups.length === 0 && <Text className='kpi-breakdown__none'>本时段没有工单</Text>}
      {groups.map((g) => {
        const scope = groupScope(dim, g.key)
        return (
          <View key={g.key} className='kpi-group'>
            <View className='kpi-group__head' {...a11y('link', `${g.label} 工单 ${g.figures.volume} 单，查看工单`)} onClick={() => onDrill(scope, 'volume')}>
              <Text className='kpi-group__name'>{g.label}</Text>
              <Text className='kpi-group__volume'>{`工单 ${g.figures.volume} ›`}</Text>
            </View>
            <View className='kpi-group__metrics'>
              {METRICS.map((m) => {
                const rate = m.rate(g)
                const missed = rateMissed(rate, m.lowerIsBetter)
                return (
                  <View
                    key={m.key}
                    className={cx('kpi-metric', `kpi-metric--${m.key}`, missed && 'kpi-metric--miss')}
                    {...a11y('link', `${g.label} ${m.label} ${percentText(rate.value)}${missed ? ' 未达标' : ''}`)}
                    onClick={() => onDrill(scope, m.drill)}
                  >
                    <Text className='kpi-metric__label'>{m.label}</Text>
                    <Text className='kpi-metric__value'>{percentText(rate.value)}</Text>
                  </View>
                )
              })}
            </View>
          </View>
        )
      })}
    </View>
  )
}
