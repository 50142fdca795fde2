import { Text, View } from '@tarojs/components'
import type { Figures } from '@/core/contract/kpi-actions'
import type { KpiDrill } from '@/core/kpi/drill'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import { headlineTiles } from './tiles'
import './headline.css'

export interface HeadlineProps {
  figures: Figures
  /** Opens the tickets behind a number. */
  onDrill: (drill: KpiDrill) => void
}

/** The headline numbers against their targets; a miss is marked in words too (未达标), not by colour alone. */
export default function Headline({ figures, onDrill }: HeadlineProps) {
  return (
    <View className='kpi-headline'>
      {headlineTiles(figures).map((t) => (
        <View
          key={t.key}
          className={cx('kpi-tile', `kpi-tile--${t.key}`, t.missed && 'kpi-tile--miss')}
          {...a11y('link', `${t.label} ${t.value}${t.target ? ` ${t.target}` : ''}${t.missed ? ' 未达标' : ''}，查看工单`)}
          onClick={() => onDrill(t.drill)}
        >
          <Text className='kpi-tile__label'>{t.label}</Text>
          <Text className='kpi-tile__value'>{t.value}</Text>
          <Text className='kpi-tile__sub'>{t.sub}</Text>
          {(t.target || t.missed) && (
            <View className='kpi-tile__foot'>
              {t.target && <Text className='kpi-tile__target'>{t.target}</Text>}
              {t.missed && <Text className='kpi-tile__miss'>未达标</Text>}
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
