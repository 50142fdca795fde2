import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { HANDOVER_NOTES_MAX, HANDOVER_WATCH_MAX, parseTicketNumbers, TICKET_NO_PATTERN, type WatchItem } from '@/core/duty/handover'
import AppButton from '@/components/AppButton'
import ErrorNotice from '@/components/ErrorNotice'
import FieldTextarea from '@/components/FieldTextarea'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './handover-form.css'

export interface HandoverFormProps {
  /** Tickets worth handing over (callbacks still to make, one's open tasks), to tick. */
  suggestions: readonly WatchItem[]
  busy: boolean
  /** Resolves true once saved, so the form empties. */
  onSubmit: (notes: string, watch: string[]) => Promise<boolean>
}

/**
 * 写交接: what the next shift must follow up, in words, and the tickets to watch — ticked from
 * the suggestions or typed by number (checked here first, and by the server).
 */
export default function HandoverForm({ suggestions, busy, onSubmit }: HandoverFormProps) {
  const [notes, setNotes] = useState('')
  const [ticked, setTicked] = useState<string[]>([])
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)

  const toggle = (no: string) => {
    setTicked((xs) => (xs.includes(no) ? xs.filter((x) => x !== no) : [...xs, no]))
    setError(null)
  }

  const submit = async () => {
    if (!notes.trim()) return setError('请填写交接事项')
    const numbers = parseTicketNumbers(typed)
    const bad = numbers.find((n) => !TICKET_NO_PATTERN.test(n))
    if (bad) return setError(`工单号“${bad}”格式不正确，如 BX20261122-4F7K`)
    const watch = [...new Set([...ticked, ...numbers])]
    if (watch.length > HANDOVER_WATCH_MAX) return setError(`需关注的工单最多${HANDOVER_WATCH_MAX}张`)
    setError(null)
    if (await onSubmit(notes.trim(), watch)) {
      setNotes('')
      setTicked([])
      setTyped('')
    }
  }

  return (
    <View className='handover-form'>
      <FieldTextarea
        label='交接事项'
        value={notes}
        onChange={(v) => {
          setNotes(v)
          setError(null)
        }}
        maxLength={HANDOVER_NOTES_MAX}
        placeholder='需下一班跟进的事项，如：1栋1201林先生回访电话未接通，请19:00再打一次'
        className='handover-form__notes'
      />
      {suggestions.length > 0 && (
        <>
          <Text className='handover-form__label'>需关注的工单（可多选）</Text>
          <View className='handover-form__suggestions' {...a11y('group', '需关注的工单')}>
            {suggestions.map((w) => {
              const on = ticked.includes(w.no)
              return (
                <View
                  key={w.id}
                  className={cx('handover-pick', on && 'handover-pick--on')}
                  {...a11y('checkbox', `${w.no} ${w.label}`, { checked: on })}
                  onClick={() => toggle(w.no)}
                >
                  <Text className='handover-pick__box'>{on ? '☑' : '☐'}</Text>
                  <View className='handover-pick__text'>
                    <Text className='handover-pick__no'>{w.no}</Text>
                    <Text className='handover-pick__label'>{w.label}</Text>
                  </View>
                </View>
              )
            })}
          </View>
        </>
      )}
      <Text className='handover-form__label'>{suggestions.length > 0 ? '其他工单号（选填）' : '需关注的工单号（选填）'}</Text>
      <Input
        className='handover-form__input'
        value={typed}
        maxlength={200}
        placeholder='多个用空格或逗号分开'
        onInput={(e) => {
          setTyped(e.detail.value)
          setError(null)
        }}
      />
      <ErrorNotice message={error} />
      <AppButton block size='large' loading={busy} onClick={() => void submit()} className='handover-submit'>
        提交交接
      </AppButton>
    </View>
  )
}
