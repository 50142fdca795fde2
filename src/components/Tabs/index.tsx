import { Text, View } from '@tarojs/components'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './index.css'

export interface TabItem<T extends string> {
  value: T
  label: string
}

export interface TabsProps<T extends string> {
  items: readonly TabItem<T>[]
  value: T
  onChange: (value: T) => void
}

/** A row of tabs at the top of a list. */
export default function Tabs<T extends string>({ items, value, onChange }: TabsProps<T>) {
  return (
    <View className='tabs' {...a11y('tablist')}>
      {items.map((t) => {
        const active = t.value === value
        return (
          <View
            key={t.value}
            className={cx('tabs__item', `tab-${t.value}`, active && 'tabs__item--selected')}
            {...a11y('tab', t.label, { selected: active })}
            onClick={() => onChange(t.value)}
          >
            <Text className='tabs__label'>{t.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
