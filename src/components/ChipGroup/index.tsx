import { Text, View } from '@tarojs/components'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './index.css'

export interface ChipOption<T extends string | number> {
  value: T
  label: string
  /** A second, smaller line (e.g. a time range). */
  sub?: string
  disabled?: boolean
}

export interface ChipGroupProps<T extends string | number> {
  options: readonly ChipOption<T>[]
  value: T | null
  onChange: (value: T) => void
  /** Chips per row; 0 lets them flow by their width. */
  columns?: 0 | 2 | 3 | 4
  /** Name of the choice, read by screen readers. */
  label?: string
  className?: string
}

/** A single choice shown as large tappable chips (easier than a picker sheet). */
export default function ChipGroup<T extends string | number>({
  options,
  value,
  onChange,
  columns = 0,
  label,
  className,
}: ChipGroupProps<T>) {
  return (
    <View className={cx('chip-group', columns > 0 && `chip-group--cols-${columns}`, className)} {...a11y('radiogroup', label)}>
      {options.map((o) => {
        const active = o.value === value
        return (
          <View
            key={String(o.value)}
            className={cx('chip', active && 'chip--active', o.disabled && 'chip--disabled')}
            {...a11y('radio', o.sub ? `${o.label} ${o.sub}` : o.label, { checked: active, disabled: !!o.disabled })}
            onClick={() => {
              if (!o.disabled) onChange(o.value)
            }}
          >
            <Text className='chip__label'>{o.label}</Text>
            {o.sub && <Text className='chip__sub'>{o.sub}</Text>}
          </View>
        )
      })}
    </View>
  )
}
