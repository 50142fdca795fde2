import { Picker, Text, View } from '@tarojs/components'
import { a11y } from '@/utils/a11y'
import { formatDateValue } from '@/utils/time'
import './custom-range.css'

/** The days of 自定义, 'YYYY-MM-DD' each; either may be unset until picked. */
export interface DayRangeInput {
  from?: string
  to?: string
}

export interface CustomRangeProps {
  value: DayRangeInput
  onChange: (value: DayRangeInput) => void
}

/**
 * 开始日期 and 结束日期 of a custom period. The server checks the range (forwards, at most half a
 * year) and says what is wrong, so the pickers limit nothing.
 */
export default function CustomRange({ value, onChange }: CustomRangeProps) {
  return (
    <View className='kpi-custom-range'>
      <DayPicker label='开始日期' className='kpi-custom-range__from' day={value.from} onPick={(from) => onChange({ ...value, from })} />
      <Text className='kpi-custom-range__to-word'>至</Text>
      <DayPicker label='结束日期' className='kpi-custom-range__to' day={value.to} onPick={(to) => onChange({ ...value, to })} />
    </View>
  )
}

function DayPicker({ label, day, onPick, className }: { label: string; day?: string; onPick: (day: string) => void; className: string }) {
  return (
    <Picker mode='date' value={day ?? formatDateValue(Date.now())} onChange={(e) => onPick(String(e.detail.value))} className={className}>
      <View className='kpi-custom-range__picker' {...a11y('button', day ? `${label} ${day}` : `选择${label}`)}>
        <Text className='kpi-custom-range__label'>{label}</Text>
        <Text className={day ? 'kpi-custom-range__value' : 'kpi-custom-range__placeholder'}>{day ?? '请选择'}</Text>
      </View>
    </Picker>
  )
}
