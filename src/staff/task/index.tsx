import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { findCategory } from '@/core/catalog/categories'
import type { TicketView } from '@/core/contract/views'
import AppButton from '@/components/AppButton'
import Card from '@/components/Card'
import ContactCard from '@/components/ContactCard'
import DeadlineList, { hasCountingDeadline } from '@/components/DeadlineList'
import ErrorNotice from '@/components/ErrorNotice'
import NoteForm from '@/components/NoteForm'
import PageStatus from '@/components/PageStatus'
import QuoteCard from '@/components/QuoteCard'
import QuoteForm from '@/components/QuoteForm'
import RatingResult from '@/components/RatingResult'
import ReferForm from '@/components/ReferForm'
import TicketHeader from '@/components/TicketHeader'
import Timeline from '@/components/Timeline'
import { useNow } from '@/hooks/useNow'
import { useTicket, type TicketState } from '@/hooks/useTicket'
import { staffWordsOf, type StaffKindWords } from '@/utils/kind'
import { formatYuan } from '@/utils/money'
import ClockTools, { clockTools } from './ClockTools'
import FinishForm from './FinishForm'
import ProgressPrompt from './ProgressPrompt'
import PushFailures from './PushFailures'
import RescheduleForm from './RescheduleForm'
import SubtaskPanel, { OpenSubtasksNotice, openSubtasksOf } from './SubtaskPanel'
import TaskContent from './TaskContent'
import TransferPanel from './TransferPanel'
import { pendingUrge } from './urged'
import DeskTaskExtras from '../desk/DeskTaskExtras'
import { useAskReminders } from './useAskReminders'
import WorkNotes from './WorkNotes'
import './index.css'

/** Steps that need more than a tap open a form in place of the buttons. */
type Panel = 'quote' | 'finish' | 'refer' | 'decline' | 'reschedule'

type TapAction = 'task.accept' | 'task.arrive' | 'task.start'

/** A step the workflow may offer: one tap, or a form. Class names are what the e2e tests use. */
type Step = { event: string; text: string; className: string } & ({ action: TapAction } | { panel: Panel })

/** Every step in the order it happens, in the words of the ticket's kind. */
const allSteps = (words: StaffKindWords): Step[] => [
  { event: 'accept', action: 'task.accept', text: words.accept, className: 'task-accept' },
  { event: 'arrive', action: 'task.arrive', text: '到场签到', className: 'task-arrive' },
  { event: 'reschedule', panel: 'reschedule', text: '改约上门时间', className: 'task-reschedule' },
  { event: 'start', action: 'task.start', text: '开始维修', className: 'task-start' },
  { event: 'quote', panel: 'quote', text: '报价', className: 'task-quote' },
  { event: 'finish', panel: 'finish', text: words.finish, className: 'task-finish' },
  { event: 'refer', panel: 'refer', text: '转介外部服务', className: 'task-refer' },
  { event: 'decline', panel: 'decline', text: '拒单', className: 'task-decline' },
]

/** Whether the repair's category is charged (有偿服务): the owner agrees to a price before work starts. */
const isPaidRepair = (ticket: TicketView): boolean => ticket.kind === 'repair' && findCategory(ticket.category)?.paid === true

/**
 * The steps the server allows now, in the order to offer them. On site for a paid repair the
 * quote comes first: the owner's consent to the price precedes the work.
 */
const offeredSteps = (ticket: TicketView, words: StaffKindWords): Step[] => {
  const steps = allSteps(words).filter((s) => ticket.actions.includes(s.event))
  if (!isPaidRepair(ticket)) return steps
  const quote = steps.filter((s) => s.event === 'quote')
  return [...quote, ...steps.filter((s) => s.event !== 'quote')]
}

/** Countdowns on the page are re-rendered this often while a clock counts. */
const TICK_MS = 30_000

/** 任务详情 for staff: the clocks, the owner, what they asked for, and exactly the steps allowed now. */
export default function StaffTaskPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { ticket, loading, loadError, error, busy, reload, run } = useTicket(id)
  const [panel, setPanel] = useState<Panel | null>(null)
  /** Which card the last command came from, so its error shows there. */
  const [errorIn, setErrorIn] = useState<'steps' | 'clock' | 'notes'>('steps')
  const askReminders = useAskReminders()
  const now = useNow(TICK_MS, ticket !== null && hasCountingDeadline(ticket.deadlines))

  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  if (!ticket) return <PageStatus loading={loading} error={loadError ?? (id ? null : '未找到该任务')} onRetry={reload} />

  const words = staffWordsOf(ticket)
  const steps = offeredSteps(ticket, words)
  const primary = steps.find((s) => s.event !== 'refer' && s.event !== 'decline')
  const openPanel = panel && steps.some((s) => 'panel' in s && s.panel === panel) ? panel : null
  const panelTitles: Record<Panel, string> = {
    quote: '填写报价',
    finish: words.finish,
    refer: '转介外部服务',
    decline: '拒单',
    reschedule: '改约上门时间',
  }
  const close = () => setPanel(null)
  const done = (ok: boolean) => {
    if (ok) setPanel(null)
  }
  const can = (event: string) => steps.some((s) => s.event === event)
  const hint = can('accept')
    ? words.acceptHint
    : can('quote') && isPaidRepair(ticket)
      ? '本类别为有偿服务：请先报价，业主同意后再开始维修。'
      : ''
  const quoteWaiting = ticket.state === 'awaiting_confirmation' && ticket.quote !== null && ticket.quote.decision === null
  const openSubtasks = openSubtasksOf(ticket).length
  const runStep: TicketState['run'] = (action, input, doneText) => {
    setErrorIn('steps')
    return run(action, input, doneText)
  }
  const runClock: TicketState['run'] = (action, input, doneText) => {
    setErrorIn('clock')
    return run(action, input, doneText)
  }
  const runNotes: TicketState['run'] = (action, input, doneText) => {
    setErrorIn('notes')
    return run(action, input, doneText)
  }
  /** A one-tap step; 接单 first asks for the role's reminders again (a natural tap, best effort). */
  const tap = async (action: TapAction, event: string) => {
    const asked = event === 'accept' ? askReminders() : null
    await runStep(action, { ticketId: ticket.id })
    await asked
  }
  const hasClockTools = clockTools(ticket).length > 0
  const stepsError = errorIn === 'steps' ? error : null
  const clockError = errorIn === 'clock' ? error : null
  const orphanError = (steps.length === 0 ? stepsError : null) ?? (hasClockTools ? null : clockError)

  return (
    <View className='staff-task'>
      <TicketHeader ticket={ticket} urged={pendingUrge(ticket.timeline)} />

      {quoteWaiting && (
        <View className='staff-task__notice quote-pending-notice'>
          <Text className='staff-task__notice-title'>等待业主确认报价</Text>
          <Text className='staff-task__notice-text'>
            {`报价合计 ${formatYuan(ticket.quote!.totalFen)} 已发给业主。业主同意后即可开始维修，下拉可刷新；如业主不同意，本单将取消。`}
          </Text>
        </View>
      )}

      <ProgressPrompt ticket={ticket} now={now} busy={busy} run={runClock} />

      {steps.length > 0 && (
        <Card title={openPanel ? panelTitles[openPanel] : '操作'} className='task-actions'>
          <ErrorNotice message={stepsError} />
          {openPanel === 'quote' && (
            <QuoteForm
              busy={busy === 'task.quote'}
              onCancel={close}
              onSubmit={async (items, note) => done(await runStep('task.quote', { ticketId: ticket.id, items, note }))}
            />
          )}
          {openPanel === 'finish' && <OpenSubtasksNotice ticket={ticket} />}
          {openPanel === 'finish' && (
            <FinishForm
              words={words}
              photosRequired={ticket.kind === 'repair'}
              submitText={openSubtasks > 0 ? '仍确认处理完毕' : words.confirm}
              busy={busy === 'task.finish'}
              onClose={close}
              onSubmit={async (note, photos) => {
                // 返单 is a natural tap: ask for the reminders again (from the tap itself), never waiting on it.
                const asked = askReminders()
                done(await runStep('task.finish', { ticketId: ticket.id, note, photos, confirmOpenSubtasks: openSubtasks > 0 }))
                await asked
              }}
            />
          )}
          {openPanel === 'decline' && (
            <NoteForm
              label='拒单原因'
              placeholder='如：手上有急修，无法按时到场。任务将立即转给其他同事'
              maxLength={60}
              submitText='确认拒单'
              requiredMessage='请填写拒单原因'
              busy={busy === 'task.decline'}
              onClose={close}
              onSubmit={async (reason) => done(await runStep('task.decline', { ticketId: ticket.id, reason }))}
            />
          )}
          {openPanel === 'reschedule' && (
            <RescheduleForm
              current={ticket.appointment}
              now={now}
              busy={busy === 'task.reschedule'}
              onClose={close}
              onSubmit={async (appointment, reason) =>
                done(await runStep('task.reschedule', { ticketId: ticket.id, appointment, reason, ownerAgreed: true }, '已改约'))
              }
            />
          )}
          {openPanel === 'refer' && (
            <ReferForm
              busy={busy === 'task.refer'}
              onClose={close}
              onSubmit={async (contact, note) => done(await runStep('task.refer', { ticketId: ticket.id, contact, note }))}
            />
          )}
          {!openPanel && (
            <View className='staff-task__buttons'>
              {steps.map((s) => (
                <AppButton
                  key={s.event}
                  block
                  size='large'
                  kind={s === primary ? 'primary' : s.event === 'refer' || s.event === 'decline' ? 'plain' : 'secondary'}
                  loading={'action' in s && busy === s.action}
                  className={`staff-task__button ${s.className}`}
                  onClick={() => ('action' in s ? void tap(s.action, s.event) : setPanel(s.panel))}
                >
                  {s.text}
                </AppButton>
              ))}
              {hint !== '' && <Text className='staff-task__hint task-hint'>{hint}</Text>}
            </View>
          )}
        </Card>
      )}

      <ClockTools ticket={ticket} busy={busy} run={runClock} error={clockError} now={now} />

      <TransferPanel ticket={ticket} reload={reload} />

      {orphanError && (
        <View className='staff-task__error'>
          <ErrorNotice message={orphanError} />
        </View>
      )}

      {ticket.deadlines.length > 0 && (
        <Card title='服务时限' className='deadline-section'>
          <DeadlineList deadlines={ticket.deadlines} now={now} />
        </Card>
      )}

      <PushFailures failures={ticket.pushFailures ?? []} />

      <Card title='业主'>
        <ContactCard role='业主' name={ticket.owner.name} phone={ticket.owner.phone} className='owner-card' />
      </Card>

      <DeskTaskExtras ticket={ticket} />

      <TaskContent ticket={ticket} />

      <SubtaskPanel ticket={ticket} busy={busy} run={runStep} />

      {ticket.quote && (
        <Card title='维修报价' className='quote-section'>
          <QuoteCard quote={ticket.quote} />
        </Card>
      )}

      {ticket.referral && (
        <Card title='外部服务联系方式' className='referral-section'>
          <Text className='staff-task__text'>{ticket.referral.contact}</Text>
          {ticket.referral.note !== '' && <Text className='staff-task__muted'>{ticket.referral.note}</Text>}
        </Card>
      )}

      {ticket.rating && (
        <Card title='业主评价' className='rating-result-section'>
          <RatingResult rating={ticket.rating} />
        </Card>
      )}

      <WorkNotes ticket={ticket} busy={busy} run={runNotes} error={errorIn === 'notes' ? error : null} />

      <Card title='处理进度' className='timeline-section'>
        <Timeline entries={ticket.timeline} />
      </Card>
    </View>
  )
}
