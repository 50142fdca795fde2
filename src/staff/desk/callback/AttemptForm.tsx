import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import ChipGroup from '@/components/ChipGroup'
import FieldError from '@/components/FieldError'
import FieldTextarea from '@/components/FieldTextarea'

/** What usually happens when a call does not get through. */
const REASONS = ['无人接听', '关机', '占线', '号码有误', '其他'] as const
type Reason = (typeof REASONS)[number]

export interface AttemptFormProps {
  busy: boolean
  /** Calls of this round so far, and the count at which the supervisor is told. */
  made: number
  tellAt: number
  onSubmit: (note: string) => Promise<boolean>
}

/** 未能联系上业主: what happened on this call; its time is recorded by the server. */
export default function AttemptForm({ busy, made, tellAt, onSubmit }: AttemptFormProps) {
  const [reason, setReason] = useState<Reason | null>(null)
  const [more, setMore] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = async () => {
    const note = [reason && reason !== '其他' ? reason : '', more.trim()].filter(Boolean).join('，')
    if (!note) {
      setError(reason === '其他' ? '请说明未联系上的情况' : '请选择或填写未联系上的情况')
      return
    }
    setError(null)
    if (await onSubmit(note)) {
      setReason(null)
      setMore('')
    }
  }

  const left = tellAt - made
  return (
    <View className='attempt-form'>
      <ChipGroup<Reason>
        label='未联系上的情况'
        columns={3}
        options={REASONS.map((r) => ({ value: r, label: r }))}
        value={reason}
        onChange={(r) => { setReason(r); setError(null) }}
        className='attempt-reason'
      />
      <FieldTextarea className='attempt-note' value={more} onChange={(v) => { setMore(v); setError(null) }} maxLength={60} placeholder='补充说明（选填），如：已发短信请业主回电' />
      <FieldError message={error} className='attempt-error' />
      <Text className='attempt-form__hint'>
        {left > 1 ? `记录后继续等待回访；再有 ${left} 次未联系上将告知客服主任。` : left === 1 ? '这是第 ' + tellAt + ' 次未联系上，记录后将告知客服主任。' : '已告知客服主任；请继续联系业主。'}
      </Text>
      <AppButton block kind='secondary' loading={busy} onClick={() => void submit()} className='attempt-submit'>
        记录未联系上
      </AppButton>
    </View>
  )
}
