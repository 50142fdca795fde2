import { useState } from 'react'
import { View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import ErrorNotice from '@/components/ErrorNotice'
import FieldTextarea from '@/components/FieldTextarea'
import './index.css'

export interface NoteFormProps {
  /** Shown above the field, e.g. 处理结果 (none by default). */
  label?: string
  placeholder: string
  maxLength: number
  submitText: string
  /** When set, an empty note is refused with this message. */
  requiredMessage?: string
  busy: boolean
  onSubmit: (note: string) => void
  onClose: () => void
}

/** A short note and a confirm button, e.g. the technician's remark when returning a ticket. */
export default function NoteForm({ label, placeholder, maxLength, submitText, requiredMessage, busy, onSubmit, onClose }: NoteFormProps) {
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = () => {
    const text = note.trim()
    if (requiredMessage && !text) {
      setError(requiredMessage)
      return
    }
    setError(null)
    onSubmit(text)
  }

  return (
    <View className='note-form'>
      <FieldTextarea value={note} onChange={setNote} maxLength={maxLength} label={label} placeholder={placeholder} />
      <ErrorNotice message={error} />
      <View className='note-form__actions'>
        <AppButton kind='plain' onClick={onClose} className='note-form__back'>
          返回
        </AppButton>
        <AppButton loading={busy} onClick={submit} className='note-form__confirm'>
          {submitText}
        </AppButton>
      </View>
    </View>
  )
}
