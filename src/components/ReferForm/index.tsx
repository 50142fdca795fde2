import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import ErrorNotice from '@/components/ErrorNotice'
import FieldTextarea from '@/components/FieldTextarea'
import './index.css'

export interface ReferFormProps {
  busy: boolean
  onSubmit: (contact: string, note: string) => void
  onClose: () => void
}

/** 转介外部服务: the contact of a qualified outside service for work beyond the team's ability. */
export default function ReferForm({ busy, onSubmit, onClose }: ReferFormProps) {
  const [contact, setContact] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = () => {
    if (!contact.trim()) {
      setError('请填写外部服务联系方式')
      return
    }
    setError(null)
    onSubmit(contact.trim(), note.trim())
  }

  return (
    <View className='refer-form'>
      <Text className='refer-form__label'>外部服务联系方式</Text>
      <Input
        className='refer-form__input'
        value={contact}
        maxlength={60}
        placeholder='单位名称及电话，如：XX家电售后 400-000-0000'
        onInput={(e) => {
          setContact(e.detail.value)
          setError(null)
        }}
      />
      <FieldTextarea value={note} onChange={setNote} maxLength={200} label='说明（选填）' placeholder='为什么需要外部服务' />
      <ErrorNotice message={error} />
      <View className='refer-form__actions'>
        <AppButton kind='plain' onClick={onClose} className='refer-form__back'>
          返回
        </AppButton>
        <AppButton loading={busy} onClick={submit} className='refer-form__confirm'>
          确认转介
        </AppButton>
      </View>
    </View>
  )
}
