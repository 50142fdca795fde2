import { Picker, Text, View } from '@tarojs/components'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './index.css'

export interface PickerFieldProps {
  /** What is picked, read by screen readers: '楼栋'. */
  label: string
  options: readonly string[]
  value: string | null
  onChange: (value: string) => void
  placeholder: string
  /** Shown instead of the picker while there is nothing to pick yet (e.g. '请先选择楼栋'). */
  disabledText?: string
  className?: string
}

/** A row that opens the platform's picker sheet with one column of choices. */
export default function PickerField({ label, options, value, onChange, placeholder, disabledText, className }: PickerFieldProps) {
  if (options.length === 0) {
    return (
      <View className={cx('picker-field', 'picker-field--disabled', className)} {...a11y('button', label, { disabled: true })}>
        <Text className='picker-field__placeholder'>{disabledText ?? placeholder}</Text>
      </View>
    )
  }
  const index = value === null ? -1 : options.indexOf(value)
  return (
    <Picker
      mode='selector'
      range={options as string[]}
      value={Math.max(index, 0)}
      onChange={(e) => {
        const picked = options[Number(e.detail.value)]
        if (picked !== undefined) onChange(picked)
      }}
      className={cx('picker-field__picker', className)}
    >
      <View className='picker-field' {...a11y('button', value ? `${label} ${value}` : label)}>
        <Text className={index >= 0 ? 'picker-field__value' : 'picker-field__placeholder'}>{index >= 0 ? value : placeholder}</Text>
        <Text className='picker-field__arrow'>›</Text>
      </View>
    </Picker>
  )
}
