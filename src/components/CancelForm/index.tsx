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
  /** The common reasons offered as chips; default a repair's. */
  reasons?: readonly string[]
  /** The verb of this kind: 取消 (a repair, an IC card request) or 撤销 (a complaint). */
  verb?: string
  onSubmit: (reason: string) => void
  onClose: () => void
}

/** Asks why the owner cancels the request: a common reason or their own words. */
export default function CancelForm({ busy, reasons = CANCEL_REASONS, verb = '取消', onSubmit, onClose }: CancelFormProps) {
  const [choice, setChoice] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = () => {
    const reason = choice === OTHER || choice === null ? text.trim() : choice
    if (!reason) {
      setError(`请选择或填写${verb}原因`)
      return
    }
    setError(null)
    onSubmit(reason)
  }

  return (
    <View className='cancel-form'>
      <Text className='cancel-form__title'>{`请告诉我们${verb}的原因`}</Text>
      <ChipGroup
        label={`${verb}原因`}
        columns={2}
        options={[...reasons, OTHER].map((r) => ({ value: r, label: r }))}
        value={choice}
        onChange={(r) => {
          setChoice(r)
          setError(null)
        }}
      />
      {choice === OTHER && <FieldTextarea value={text} onChange={setText} maxLength={100} placeholder={`请填写${verb}原因`} />}
      <ErrorNotice message={error} />
      <View className='cancel-form__actions'>
        <AppButton kind='plain' onClick={onClose} className='cancel-form__back'>
          {`暂不${verb}`}
        </AppButton>
        <AppButton kind='danger' loading={busy} onClick={submit} className='cancel-form__confirm'>
          {`确认${verb}`}
        </AppButton>
      </View>
    </View>
  )
}
