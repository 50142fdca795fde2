import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import ChipGroup from '@/components/ChipGroup'
import ErrorNotice from '@/components/ErrorNotice'
import FieldTextarea from '@/components/FieldTextarea'
import './index.css'

export const CANCEL_REASONS = ['问题已自行解决', '暂时不需要维修', '时间安排有变', '重复提交'] as const
const OTHER = '其他原因'

export interface CancelFormProps {
  busy: boolean
  onSubmit: (reason: string) => void
  onClose: () => void
}

/** Asks why the owner cancels the repair: a common reason or their own words. */
export default function CancelForm({ busy, onSubmit, onClose }: CancelFormProps) {
  const [choice, setChoice] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = () => {
    const reason = choice === OTHER || choice === null ? text.trim() : choice
    if (!reason) {
      setError('请选择或填写取消原因')
      return
    }
    setError(null)
    onSubmit(reason)
  }

  return (
    <View className='cancel-form'>
      <Text className='cancel-form__title'>请告诉我们取消的原因</Text>
      <ChipGroup
        label='取消原因'
        columns={2}
        options={[...CANCEL_REASONS, OTHER].map((r) => ({ value: r, label: r }))}
        value={choice}
        onChange={(r) => {
          setChoice(r)
          setError(null)
        }}
      />
      {choice === OTHER && <FieldTextarea value={text} onChange={setText} maxLength={100} placeholder='请填写取消原因' />}
      <ErrorNotice message={error} />
      <View className='cancel-form__actions'>
        <AppButton kind='plain' onClick={onClose} className='cancel-form__back'>
          暂不取消
        </AppButton>
        <AppButton kind='danger' loading={busy} onClick={submit} className='cancel-form__confirm'>
          确认取消
        </AppButton>
      </View>
    </View>
  )
}
