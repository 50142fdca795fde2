import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import FieldError from '@/components/FieldError'
import FieldTextarea from '@/components/FieldTextarea'
import StarRating from '@/components/StarRating'

export const WORDS_MAX = 300

export interface PhoneCallback {
  handling: number
  staff: number
  words: string
}

export interface CallbackFormProps {
  busy: boolean
  /** Who a low rating sends the ticket back to, e.g. 王师傅. */
  handlerName: string | null
  reopenAtOrBelow: number
  onSubmit: (callback: PhoneCallback) => void
}

type Field = 'handling' | 'staff' | 'words'

/** 电话回访: the two questions of the callback (000 4.9) and the owner's words as they said them. */
export default function CallbackForm({ busy, handlerName, reopenAtOrBelow, onSubmit }: CallbackFormProps) {
  const [handling, setHandling] = useState(0)
  const [staff, setStaff] = useState(0)
  const [words, setWords] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})

  const submit = () => {
    const found: Partial<Record<Field, string>> = {}
    if (!handling) found.handling = '请为处理结果满意度打分'
    if (!staff) found.staff = '请为服务态度满意度打分'
    if (!words.trim()) found.words = '请填写业主原话'
    setErrors(found)
    if (Object.keys(found).length === 0) onSubmit({ handling, staff, words: words.trim() })
  }

  return (
    <View className='callback-form'>
      <Text className='callback-form__ask'>请问您对这次处理的结果满意吗？</Text>
      <StarRating label='处理结果满意度' value={handling} onChange={(v) => { setHandling(v); setErrors((e) => ({ ...e, handling: undefined })) }} />
      <FieldError message={errors.handling} className='handling-error' />
      <Text className='callback-form__ask'>对处理人员的服务态度满意吗？</Text>
      <StarRating label='服务态度满意度' value={staff} onChange={(v) => { setStaff(v); setErrors((e) => ({ ...e, staff: undefined })) }} />
      <FieldError message={errors.staff} className='staff-error' />
      <Text className='callback-form__ask'>业主原话</Text>
      <FieldTextarea
        className='callback-words'
        value={words}
        onChange={(v) => { setWords(v); setErrors((e) => ({ ...e, words: undefined })) }}
        maxLength={WORDS_MAX}
        placeholder='照业主所说的话记录，不要概括'
      />
      <FieldError message={errors.words} className='words-error' />
      <Text className='callback-form__hint'>
        {`任一项为${reopenAtOrBelow}星及以下时，工单将退回${handlerName ?? '处理人员'}继续处理。`}
      </Text>
      <AppButton block size='large' loading={busy} onClick={submit} className='callback-submit'>
        记录回访
      </AppButton>
    </View>
  )
}
