import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import AppButton from '@/components/AppButton'
import ErrorNotice from '@/components/ErrorNotice'
import FieldTextarea from '@/components/FieldTextarea'
import type { TicketState } from '@/hooks/useTicket'
import { countdownText, formatShort, formatSpan, HOUR_MS } from '@/utils/time'
import './progress-prompt.css'

const MINUTE_MS = 60_000

/** From this close to the next report on, it is asked for at the top of the page, with the form. */
export const PROMPT_WITHIN_MS = HOUR_MS

export interface ProgressDue {
  /** The line under the title: when the next report is due. */
  text: string
  late: boolean
  /** The prompt's headline when the report is due within the hour or overdue; null otherwise. */
  headline: string | null
}

/** The last report to the owner (or the taking of the complaint, which starts the rhythm). */
const lastReportAt = (ticket: TicketView): number | null => {
  const last = [...ticket.timeline].reverse().find((e) => e.event === 'progress' || e.event === 'accept')
  return last ? last.at : null
}

/**
 * 每4小时向前台汇报一次进展 (004 二): a complaint's next progress report, from its running
 * 'progress' deadline; null when there is none to make (not the viewer's, or not running).
 */
export const progressDue = (ticket: TicketView, now: number): ProgressDue | null => {
  if (ticket.kind !== 'complaint' || !ticket.actions.includes('progress')) return null
  const d = ticket.deadlines.find((x) => x.clock === 'progress' && x.stoppedAt === null)
  if (!d) return null
  if (d.pausedAt !== null) return { text: '计时已暂停，恢复计时后请继续按时汇报。', late: false, headline: null }
  const late = d.breached || d.dueAt <= now
  if (late) {
    const since = lastReportAt(ticket)
    const hours = since === null ? 0 : Math.floor((now - since) / HOUR_MS)
    return {
      text: `本次汇报应在 ${formatShort(d.dueAt)} 前完成（${countdownText(d.dueAt, Math.max(now, d.dueAt))}），请尽快汇报。`,
      late,
      headline: hours > 0 ? `已超过${hours}小时未向业主汇报进展` : '已超过汇报时限，尚未向业主汇报进展',
    }
  }
  const left = Math.ceil((d.dueAt - now) / MINUTE_MS) * MINUTE_MS
  return {
    text: `下次汇报请在 ${formatShort(d.dueAt)} 前（${countdownText(d.dueAt, now)}）。`,
    late,
    headline: left <= PROMPT_WITHIN_MS ? `距下次进展汇报还有 ${formatSpan(left)}` : null,
  }
}

export interface ProgressPromptProps {
  ticket: TicketView
  now: number
  busy: TicketState['busy']
  run: TicketState['run']
}

/**
 * The complaint's rhythm of progress reports, said first on the page. Within the hour before a
 * report is due, or once it is late, it becomes a prompt with the report form right there.
 */
export default function ProgressPrompt({ ticket, now, busy, run }: ProgressPromptProps) {
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const due = progressDue(ticket, now)
  if (!due) return null

  const submit = async () => {
    const text = note.trim()
    if (!text) return setError('请填写进展情况')
    setError(null)
    if (await run('task.progress', { ticketId: ticket.id, note: text }, '已汇报进展')) setNote('')
  }

  const tone = due.late ? 'staff-task__notice--late' : due.headline ? 'staff-task__notice--due' : 'staff-task__notice--info'
  return (
    <View className={`staff-task__notice ${tone} progress-notice`}>
      {due.headline && <Text className='progress-prompt__headline'>{due.headline}</Text>}
      <Text className='staff-task__notice-title'>每4小时向前台汇报一次进展</Text>
      <Text className='staff-task__notice-text progress-notice__due'>{due.text}</Text>
      {due.headline && (
        <View className='progress-prompt__form'>
          <FieldTextarea
            value={note}
            onChange={(v) => {
              setNote(v)
              setError(null)
            }}
            maxLength={200}
            placeholder='如：已联系保洁主管，今天下午清理完毕'
            className='progress-prompt__field'
          />
          <Text className='progress-prompt__hint'>汇报内容会显示在业主的处理进度中，前台也能看到。</Text>
          <ErrorNotice message={error} />
          <AppButton block size='large' loading={busy === 'task.progress'} onClick={() => void submit()} className='progress-prompt__submit'>
            提交进展汇报
          </AppButton>
        </View>
      )}
    </View>
  )
}
