import { Text, View } from '@tarojs/components'
import type { Figures } from '@/core/contract/kpi-actions'
import { AVG_LABEL, METRIC_LABELS, P90_LABEL } from '@/core/kpi/labels'
import { cx } from '@/utils/cx'
import { durationMissed, durationText, type Duration } from '@/utils/kpi-format'
import './durations.css'

/** 平均 and 90% 用时 of each step, from the request: how long owners wait. */
export default function Durations({ figures }: { figures: Figures }) {
  const rows: Array<[string, string, Duration]> = [
    ['dispatch', METRIC_LABELS.timeDispatch, figures.time.dispatch],
    ['arrive', METRIC_LABELS.timeArrive, figures.time.arrive],
    ['return', METRIC_LABELS.timeReturn, figures.time.return],
    ['close', METRIC_LABELS.timeClose, figures.time.close],
    ['card', METRIC_LABELS.cardTurnaround, figures.cardTurnaround],
  ]
  return (
    <View className='kpi-durations'>
      <View className='kpi-durations__row kpi-durations__row--head'>
        <Text className='kpi-durations__cell kpi-durations__cell--name'>用时</Text>
        <Text className='kpi-durations__cell'>{AVG_LABEL}</Text>
        <Text className='kpi-durations__cell'>{P90_LABEL}</Text>
        <Text className='kpi-durations__cell kpi-durations__cell--count'>单数</Text>
      </View>
      {rows.map(([key, label, d]) => (
        <View key={key} className={cx('kpi-durations__row', `kpi-duration--${key}`, durationMissed(d) && 'kpi-durations__row--miss')}>
          <Text className='kpi-durations__cell kpi-durations__cell--name'>{label}</Text>
          <Text className='kpi-durations__cell kpi-duration__avg'>{durationText(d.avgMs)}</Text>
          <Text className='kpi-durations__cell kpi-duration__p90'>{durationText(d.p90Ms)}</Text>
          <Text className='kpi-durations__cell kpi-durations__cell--count'>{String(d.count)}</Text>
        </View>
      ))}
    </View>
  )
}
