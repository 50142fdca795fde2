import { Text, View } from '@tarojs/components'
import type { Figures } from '@/core/contract/kpi-actions'
import { KPI_CLOCKS } from '@/core/kpi/clock-outcomes'
import type { KpiDrill } from '@/core/kpi/drill'
import { KPI_CLOCK_LABELS } from '@/core/kpi/labels'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import { fractionText, percentText, rateMissed } from '@/utils/kpi-format'
import './clock-rates.css'

export interface ClockRatesProps {
  figures: Figures
  onDrill: (drill: KpiDrill) => void
}

/** Every clock of the standards that ran in the range, with its on-time rate; a row opens its late tickets. */
export default function ClockRates({ figures, onDrill }: ClockRatesProps) {
  const clocks = KPI_CLOCKS.filter((c) => figures.onTime[c].den > 0)
  if (clocks.length === 0) return <Text className='kpi-clocks__none'>本时段还没有计时完成的工单</Text>
  return (
    <View className='kpi-clocks'>
      {clocks.map((c) => {
        const rate = figures.onTime[c]
        const missed = rateMissed(rate)
        return (
          <View
            key={c}
            className={cx('kpi-clock', `kpi-clock--${c}`, missed && 'kpi-clock--miss')}
            {...a11y('link', `${KPI_CLOCK_LABELS[c]} ${percentText(rate.value)}${missed ? ' 未达标' : ''}，查看超时工单`)}
            onClick={() => onDrill(`late.${c}`)}
          >
            <Text className='kpi-clock__name'>{KPI_CLOCK_LABELS[c]}</Text>
            <Text className='kpi-clock__count'>{`按时 ${fractionText(rate)}`}</Text>
            <Text className='kpi-clock__value'>{percentText(rate.value)}</Text>
            <Text className='kpi-clock__arrow'>›</Text>
          </View>
        )
      })}
    </View>
  )
}
