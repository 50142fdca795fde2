import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import { DEFAULT_POLICY } from '@/core/sla/policy'
import { sourceLine } from '@/core/tickets/channel'
import Card from '@/components/Card'
import ContactCard from '@/components/ContactCard'
import ErrorNotice from '@/components/ErrorNotice'
import InfoRow from '@/components/InfoRow'
import PageStatus from '@/components/PageStatus'
import RatingResult from '@/components/RatingResult'
import TicketHeader from '@/components/TicketHeader'
import { useNow } from '@/hooks/useNow'
import { useTicket } from '@/hooks/useTicket'
import { a11y } from '@/utils/a11y'
import { countdownText, formatShort } from '@/utils/time'
import AttemptList from '../AttemptList'
import AttemptForm from './AttemptForm'
import CallbackForm from './CallbackForm'
import './index.css'

/** When the handler last returned the ticket: this callback round began then. */
const returnedAt = (t: TicketView): number => Math.max(0, ...t.timeline.filter((e) => e.event === 'finish').map((e) => e.at))

/** What the handler noted when returning it (完工说明 / 处理结果). */
const resultNote = (t: TicketView): string => [...t.timeline].reverse().find((e) => e.event === 'finish')?.note ?? ''

/**
 * 电话回访 of one ticket: the owner to call, what was done, and either the callback — the two
 * ratings and the owner's words — or a call that did not reach them, with what happened.
 */
export default function PhoneCallbackPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { ticket, loading, loadError, error, busy, reload, run } = useTicket(id)
  const now = useNow(30_000)

  if (!ticket) return <PageStatus loading={loading} error={loadError ?? (id ? null : '未找到该工单')} onRetry={reload} />

  const waiting = ticket.actions.includes('callback_attempt')
  const round = ticket.callbackAttempts.filter((a) => a.at >= returnedAt(ticket))
  const due = ticket.deadlines.find((d) => d.clock === 'callback' && d.stoppedAt === null)
  const note = resultNote(ticket)

  return (
    <View className='phone-callback'>
      <TicketHeader ticket={ticket} />

      {due && (
        <View className={`phone-callback__due ${due.dueAt < now ? 'phone-callback__due--late' : ''}`}>
          <Text>{`回访时限 ${formatShort(due.dueAt)}（${countdownText(due.dueAt, now)}）`}</Text>
        </View>
      )}

      <Card title='业主'>
        <ContactCard role='业主' name={ticket.owner.name} phone={ticket.owner.phone} className='callback-owner' />
      </Card>

      <Card title='处理情况' className='callback-work'>
        <InfoRow label='处理人'>
          <Text>{ticket.assignee?.name ?? '—'}</Text>
        </InfoRow>
        <InfoRow label='来源'>
          <Text className='callback-source'>{sourceLine(ticket.channel, ticket.registeredByName ? { name: ticket.registeredByName } : null)}</Text>
        </InfoRow>
        {note !== '' && (
          <InfoRow label='处理结果'>
            <Text className='callback-result-note'>{note}</Text>
          </InfoRow>
        )}
        <Text
          className='phone-callback__link'
          {...a11y('link', '查看工单详情')}
          onClick={() => void Taro.navigateTo({ url: `/staff/task/index?id=${encodeURIComponent(ticket.id)}` })}
        >
          查看工单详情 ›
        </Text>
      </Card>

      {ticket.callbackAttempts.length > 0 && (
        <Card title='未联系上记录' className='callback-attempts'>
          <AttemptList attempts={ticket.callbackAttempts} />
        </Card>
      )}

      {waiting && (
        <>
          <Card title='电话回访' className='callback-record'>
            <ErrorNotice message={busy !== 'desk.callbackAttempt' ? error : null} />
            <CallbackForm
              busy={busy === 'desk.recordCallback'}
              handlerName={ticket.assignee?.name ?? null}
              reopenAtOrBelow={DEFAULT_POLICY.repair.reopenAtOrBelow}
              onSubmit={(c) => void run('desk.recordCallback', { ticketId: ticket.id, ...c }, '回访已记录')}
            />
          </Card>
          <Card title='未能联系上业主' className='callback-unreached'>
            <AttemptForm
              busy={busy === 'desk.callbackAttempt'}
              made={round.length}
              tellAt={DEFAULT_POLICY.callback.tellSupervisorAtAttempt}
              onSubmit={(n) => run('desk.callbackAttempt', { ticketId: ticket.id, note: n }, '已记录未联系上')}
            />
          </Card>
        </>
      )}

      {!waiting && ticket.rating && (
        <Card title={ticket.rating.by === 'phone' ? `电话回访（${ticket.rating.recordedByName ?? '前台'}记录）` : '业主评价'} className='callback-done'>
          <RatingResult rating={ticket.rating} />
          <Text className='phone-callback__outcome'>{ticket.state === 'reopened' ? `未达满意，已退回${ticket.assignee?.name ?? '处理人员'}继续处理。` : '工单已完成。'}</Text>
        </Card>
      )}

      {!waiting && !ticket.rating && (
        <View className='phone-callback__none'>
          <Text>{`该工单${ticket.stateLabel}，当前无需回访。`}</Text>
        </View>
      )}
    </View>
  )
}
