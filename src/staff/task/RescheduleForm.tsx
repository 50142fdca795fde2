import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import AppointmentPicker from '@/components/AppointmentPicker'
import FieldTextarea from '@/components/FieldTextarea'
import FormField from '@/components/FormField'
import Toggle from '@/components/Toggle'
import { formatAppointment, toAppointment, type AppointmentChoice, type AppointmentRange } from '@/utils/appointment'
import './reschedule-form.css'

export interface RescheduleFormProps {
  /** The appointment now (null: the owner asked for 尽快上门). */
  current: AppointmentRange | null
  now: number
  busy: boolean
  onClose: () => void
  /** Called once the new slot, the owner's agreement and the reason are all given. */
  onSubmit: (appointment: AppointmentRange, reason: string) => void
}

const REASON_MAX = 60

type Problems = Partial<Record<'slot' | 'agreed' | 'reason', string>>

/**
 * 改约上门时间: a new day and slot agreed with the owner beforehand (001: a time that cannot be
 * kept is changed with the owner before it passes), the owner's agreement confirmed, and why.
 */
export default function RescheduleForm({ current, now, busy, onClose, onSubmit }: RescheduleFormProps) {
  const [choice, setChoice] = useState<AppointmentChoice>({ mode: 'book', day: null, slot: null })
  const [agreed, setAgreed] = useState(false)
  const [reason, setReason] = useState('')
  const [problems, setProblems] = useState<Problems>({})

  const submit = () => {
    const slot = toAppointment(choice, Date.now())
    const value = slot.ok ? slot.value : null
    const found: Problems = {}
    // A slot that began meanwhile says so; a missing day or slot asks for the new time.
    if (!value) found.slot = !slot.ok && slot.error !== '请选择预约日期和时段' ? slot.error : '请选择新的上门日期和时段'
    if (!agreed) found.agreed = '请先与业主电话确认新的上门时间'
    if (!reason.trim()) found.reason = '请填写改约原因'
    setProblems(found)
    if (value && Object.keys(found).length === 0) onSubmit(value, reason.trim())
  }

  return (
    <View className='reschedule-form'>
      <Text className='reschedule-form__current'>{`原定：${current ? formatAppointment(current) : '尽快上门（未预约）'}`}</Text>
      <FormField label='新的上门时间' error={problems.slot} className='reschedule-form__slot'>
        <AppointmentPicker
          bookOnly
          value={choice}
          now={now}
          onChange={(c) => {
            setChoice(c)
            setProblems((p) => ({ ...p, slot: undefined }))
          }}
        />
      </FormField>
      <FormField label='改约原因' error={problems.reason} className='reschedule-form__reason'>
        <FieldTextarea
          value={reason}
          onChange={(v) => {
            setReason(v)
            setProblems((p) => ({ ...p, reason: undefined }))
          }}
          maxLength={REASON_MAX}
          placeholder='如：配件明天到货，与业主约好改到明天下午'
        />
      </FormField>
      <FormField label='业主确认' error={problems.agreed} hint='改约前须先与业主沟通，业主同意后再提交' className='reschedule-form__agreed'>
        <View className='reschedule-form__agree-row'>
          <Text className='reschedule-form__agree-text'>已与业主确认新的上门时间</Text>
          <Toggle
            checked={agreed}
            label='已与业主确认'
            onChange={(on) => {
              setAgreed(on)
              setProblems((p) => ({ ...p, agreed: undefined }))
            }}
          />
        </View>
      </FormField>
      <View className='reschedule-form__actions'>
        <AppButton kind='plain' onClick={onClose} className='reschedule-form__back'>
          返回
        </AppButton>
        <AppButton loading={busy} onClick={submit} className='reschedule-form__confirm'>
          确认改约
        </AppButton>
      </View>
    </View>
  )
}
