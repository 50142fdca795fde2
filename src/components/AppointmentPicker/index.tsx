import { Text, View } from '@tarojs/components'
import ChipGroup from '@/components/ChipGroup'
import {
  APPOINTMENT_SLOTS,
  type AppointmentChoice,
  type SlotId,
  formatAppointment,
  isSlotOpen,
  slotRange,
  upcomingDays,
} from '@/utils/appointment'
import { formatMonthDay, relativeDayName } from '@/utils/time'
import './index.css'

export interface AppointmentPickerProps {
  value: AppointmentChoice
  onChange: (value: AppointmentChoice) => void
  now: number
  /** Only a day and a slot, no 尽快上门 (e.g. a new time agreed with the owner). */
  bookOnly?: boolean
}

const MODES = [
  { value: 'asap', label: '尽快上门' },
  { value: 'book', label: '预约时间' },
] as const

/** 预约上门时间: as soon as possible, or a day of the coming week and a time slot. */
export default function AppointmentPicker({ value, onChange, now, bookOnly = false }: AppointmentPickerProps) {
  const days = upcomingDays(now)
  const booking = value.mode === 'book' ? value : null
  const day = booking?.day ?? null
  const slot = booking?.slot ?? null

  const pickDay = (d: number) => {
    // Keep the slot only if it is still open on the new day.
    onChange({ mode: 'book', day: d, slot: slot && isSlotOpen(d, slot, now) ? slot : null })
  }

  return (
    <View className='appointment-picker'>
      {!bookOnly && (
        <ChipGroup
          label='上门方式'
          columns={2}
          options={MODES}
          value={value.mode}
          onChange={(mode) => onChange(mode === 'asap' ? { mode } : { mode, day, slot })}
        />
      )}
      {!booking && <Text className='appointment-picker__hint'>师傅接单后会尽快与您联系并上门。</Text>}
      {booking && (
        <View className='appointment-picker__book'>
          <Text className='appointment-picker__label'>日期</Text>
          <ChipGroup
            label='预约日期'
            columns={4}
            options={days.map((d) => ({ value: d, label: relativeDayName(d, now), sub: formatMonthDay(d) }))}
            value={day}
            onChange={pickDay}
          />
          <Text className='appointment-picker__label'>时段</Text>
          <ChipGroup<SlotId>
            label='预约时段'
            columns={3}
            options={APPOINTMENT_SLOTS.map((s) => ({
              value: s.id,
              label: s.name,
              sub: s.range,
              disabled: day === null ? false : !isSlotOpen(day, s.id, now),
            }))}
            value={slot}
            onChange={(s) => onChange({ mode: 'book', day, slot: s })}
          />
          {day !== null && slot !== null && (
            <Text className='appointment-picker__summary'>已选：{formatAppointment(slotRange(day, slot))}</Text>
          )}
        </View>
      )}
    </View>
  )
}
