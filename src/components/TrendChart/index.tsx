import type { ComponentType } from 'react'
import { Text, View } from '@tarojs/components'
import type { TrendDatum } from '@/utils/chart'
import { percentText } from '@/utils/kpi-format'
import type { PlotProps } from './plot'
import './index.css'

/**
 * Chosen at build time, like the RPC transport: the weapp bundle holds only the Canvas 2D plot,
 * the H5 bundle only the SVG one.
 */
const Plot: ComponentType<PlotProps> =
  process.env.TARO_ENV === 'weapp'
    ? // eslint-disable-next-line @typescript-eslint/no-var-requires
      require('./plot.weapp').Plot
    : // eslint-disable-next-line @typescript-eslint/no-var-requires
      require('./plot.h5').Plot

export interface TrendChartProps {
  id: string
  data: readonly TrendDatum[]
  /** The bars' and the line's names: 工单量, 回访率 … */
  countName: string
  rateName: string
  /** The rate's target 0–1, or null. */
  target: number | null
}

/**
 * A trend: bars of a count and a line of a rate per week or month, with a legend and the same
 * numbers as a table, so the picture is never the only way to read them.
 */
export default function TrendChart({ id, data, countName, rateName, target }: TrendChartProps) {
  const label = `${countName}（柱）与${rateName}（折线）趋势`
  return (
    <View className='trend-chart'>
      <View className='trend-chart__legend'>
        <View className='trend-chart__key'>
          <View className='trend-chart__swatch trend-chart__swatch--bar' />
          <Text className='trend-chart__key-text'>{countName}</Text>
        </View>
        <View className='trend-chart__key'>
          <View className='trend-chart__swatch trend-chart__swatch--line' />
          <Text className='trend-chart__key-text'>{rateName}</Text>
        </View>
        {target !== null && (
          <View className='trend-chart__key'>
            <View className='trend-chart__swatch trend-chart__swatch--target' />
            <Text className='trend-chart__key-text'>{`目标 ${percentText(target).replace('.0%', '%')}`}</Text>
          </View>
        )}
      </View>
      <Plot id={id} data={data} target={target} label={label} />
      <View className='trend-chart__table'>
        <View className='trend-chart__row trend-chart__row--head'>
          <Text className='trend-chart__cell trend-chart__cell--name'>时段</Text>
          <Text className='trend-chart__cell'>{countName}</Text>
          <Text className='trend-chart__cell'>{rateName}</Text>
        </View>
        {data.map((d) => (
          <View key={d.label} className='trend-chart__row'>
            <Text className='trend-chart__cell trend-chart__cell--name'>{d.label}</Text>
            <Text className='trend-chart__cell trend-chart__count'>{String(d.count)}</Text>
            <Text className='trend-chart__cell trend-chart__rate'>{percentText(d.rate)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
