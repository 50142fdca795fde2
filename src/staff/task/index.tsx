import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import Card from '@/components/Card'
import ContactCard from '@/components/ContactCard'
import DeadlineList from '@/components/DeadlineList'
import ErrorNotice from '@/components/ErrorNotice'
import NoteForm from '@/components/NoteForm'
import PageStatus from '@/components/PageStatus'
import PhotoGrid from '@/components/PhotoGrid'
import QuoteCard from '@/components/QuoteCard'
import QuoteForm from '@/components/QuoteForm'
import RatingResult from '@/components/RatingResult'
import ReferForm from '@/components/ReferForm'
import TicketHeader from '@/components/TicketHeader'
import Timeline from '@/components/Timeline'
import UrgentTag from '@/components/UrgentTag'
import { useTicket } from '@/hooks/useTicket'
import { formatAppointment } from '@/utils/appointment'
import './index.css'

/** Steps that need more than a tap open a form in place of the buttons. */
type Panel = 'quote' | 'finish' | 'refer' | null

/** One-tap steps, in the order they happen, with their button text. */
const SIMPLE_STEPS = [
  { event: 'accept', action: 'task.accept', text: '接单', className: 'task-accept' },
  { event: 'arrive', action: 'task.arrive', text: '到场签到', className: 'task-arrive' },
  { event: 'start', action: 'task.start', text: '开始维修', className: 'task-start' },
] as const

/** Steps with a form: which panel each opens. */
const FORM_STEPS = [
  { event: 'quote', panel: 'quote', text: '报价', className: 'task-quote' },
  { event: 'finish', panel: 'finish', text: '完工返单', className: 'task-finish' },
  { event: 'refer', panel: 'refer', text: '转介外部服务', className: 'task-refer' },
] as const

const PANEL_TITLES: Record<Exclude<Panel, null>, string> = {
  quote: '填写报价',
  finish: '完工返单',
  refer: '转介外部服务',
}

/** 任务详情 for staff: the clocks, the owner, and exactly the steps the workflow allows now. */
export default function StaffTaskPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { ticket, loading, loadError, error, busy, reload, run } = useTicket(id)
  const [panel, setPanel] = useState<Panel>(null)

  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  if (!ticket) return <PageStatus loading={loading} error={loadError ?? (id ? null : '未找到该任务')} onRetry={reload} />

  const now = Date.now()
  const simple = SIMPLE_STEPS.filter((s) => ticket.actions.includes(s.event))
  const forms = FORM_STEPS.filter((s) => ticket.actions.includes(s.event))
  const openPanel = panel && forms.some((f) => f.panel === panel) ? panel : null
  const close = () => setPanel(null)
  const done = (ok: boolean) => {
    if (ok) setPanel(null)
  }

  return (
    <View className='staff-task'>
      <TicketHeader ticket={ticket} />

      {(simple.length > 0 || forms.length > 0) && (
        <Card title={openPanel ? PANEL_TITLES[openPanel] : '操作'} className='task-actions'>
          <ErrorNotice message={error} />
          {openPanel === 'quote' && (
            <QuoteForm
              busy={busy === 'task.quote'}
              onCancel={close}
              onSubmit={async (items, note) => done(await run('task.quote', { ticketId: ticket.id, items, note }))}
            />
          )}
          {openPanel === 'finish' && (
            <NoteForm
              placeholder='完工说明（选填），如：已更换水龙头，试水正常'
              maxLength={300}
              submitText='确认完工'
              busy={busy === 'task.finish'}
              onClose={close}
              onSubmit={async (note) => done(await run('task.finish', { ticketId: ticket.id, note }))}
            />
          )}
          {openPanel === 'refer' && (
            <ReferForm
              busy={busy === 'task.refer'}
              onClose={close}
              onSubmit={async (contact, note) => done(await run('task.refer', { ticketId: ticket.id, contact, note }))}
            />
          )}
          {!openPanel && (
            <View className='staff-task__buttons'>
              {simple.map((s, i) => (
                <AppButton
                  key={s.event}
                  block
                  size='large'
                  kind={i === 0 ? 'primary' : 'secondary'}
                  loading={busy === s.action}
                  className={`staff-task__button ${s.className}`}
                  onClick={() => void run(s.action, { ticketId: ticket.id })}
                >
                  {s.text}
                </AppButton>
              ))}
              {forms.map((f, i) => (
                <AppButton
                  key={f.event}
                  block
                  size='large'
                  kind={simple.length === 0 && i === 0 ? 'primary' : f.event === 'refer' ? 'plain' : 'secondary'}
                  className={`staff-task__button ${f.className}`}
                  onClick={() => setPanel(f.panel)}
                >
                  {f.text}
                </AppButton>
              ))}
            </View>
          )}
        </Card>
      )}

      {error && simple.length === 0 && forms.length === 0 && (
        <View className='staff-task__error'>
          <ErrorNotice message={error} />
        </View>
      )}

      {ticket.deadlines.length > 0 && (
        <Card title='服务时限' className='deadline-section'>
          <DeadlineList deadlines={ticket.deadlines} now={now} />
        </Card>
      )}

      <Card title='业主'>
        <ContactCard role='业主' name={ticket.owner.name} phone={ticket.owner.phone} className='owner-card' />
      </Card>

      <Card title='报修内容'>
        <View className='staff-task__block'>
          <Text className='staff-task__label'>报修位置</Text>
          <Text className='staff-task__text'>{ticket.place}</Text>
        </View>
        <View className='staff-task__block'>
          <Text className='staff-task__label'>上门时间</Text>
          <Text className='staff-task__text ticket-appointment'>
            {ticket.appointment ? `预约 ${formatAppointment(ticket.appointment)}` : '未预约，请尽快上门'}
          </Text>
        </View>
        {ticket.urgent && (
          <View className='staff-task__block'>
            <Text className='staff-task__label'>紧急程度</Text>
            <View className='staff-task__urgent'>
              <UrgentTag />
              <Text className='staff-task__urgent-text'>业主报为急修，请优先处理</Text>
            </View>
          </View>
        )}
        <View className='staff-task__block'>
          <Text className='staff-task__label'>问题描述</Text>
          <Text className='staff-task__text ticket-description'>{ticket.description}</Text>
        </View>
        {ticket.photos.length > 0 && (
          <View className='staff-task__block'>
            <Text className='staff-task__label'>现场照片</Text>
            <PhotoGrid photos={ticket.photos} className='ticket-photos' />
          </View>
        )}
      </Card>

      {ticket.quote && (
        <Card title='维修报价' className='quote-section'>
          <QuoteCard quote={ticket.quote} />
          {ticket.quote.decision === null && <Text className='staff-task__muted'>等待业主确认报价</Text>}
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

      <Card title='处理进度' className='timeline-section'>
        <Timeline entries={ticket.timeline} />
      </Card>
    </View>
  )
}
