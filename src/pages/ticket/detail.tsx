import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { FINAL_STATES } from '@/core/tickets/states'
import AppButton from '@/components/AppButton'
import CancelForm from '@/components/CancelForm'
import Card from '@/components/Card'
import CardInfo from '@/components/CardInfo'
import ComplaintInfo from '@/components/ComplaintInfo'
import ContactCard from '@/components/ContactCard'
import ErrorNotice from '@/components/ErrorNotice'
import PageStatus from '@/components/PageStatus'
import PhotoGrid from '@/components/PhotoGrid'
import QuoteCard from '@/components/QuoteCard'
import RatingForm from '@/components/RatingForm'
import RatingResult from '@/components/RatingResult'
import TicketHeader from '@/components/TicketHeader'
import Timeline from '@/components/Timeline'
import UrgeButton from '@/components/UrgeButton'
import { useTicket } from '@/hooks/useTicket'
import { formatAppointment } from '@/utils/appointment'
import { KIND_WORDS, reopenedNotice } from '@/utils/kind'
import './detail.css'

/** 工单详情 for the owner: progress and promise, the handler, 催办, the quote to confirm, the callback rating. */
export default function TicketDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { ticket, loading, loadError, error, busy, reload, run } = useTicket(id)
  const [cancelling, setCancelling] = useState(false)

  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  if (!ticket) return <PageStatus loading={loading} error={loadError ?? (id ? null : '未找到该工单')} onRetry={reload} />

  const can = (action: string) => ticket.actions.includes(action)
  const canDecide = can('confirm_quote') || can('decline_quote')
  const words = KIND_WORDS[ticket.kind]
  const cancelVerb = ticket.kind === 'complaint' ? '撤销' : '取消'
  const declined = ticket.state === 'cancelled' && ticket.quote?.decision === 'declined'
  /** A complaint about this ticket's handler (standards: callback — it becomes a new, linked complaint). */
  const complainAbout = ticket.assignee && ticket.kind !== 'complaint'
    ? `/pages/complaint/new?aboutTicketId=${encodeURIComponent(ticket.id)}&staff=${encodeURIComponent(ticket.assignee.name)}`
    : null
  const complainLink = complainAbout && (
    <Text className='ticket-detail__complain complain-handler-link' onClick={() => void Taro.navigateTo({ url: complainAbout })}>
      对处理人员不满意？投诉处理人员 ›
    </Text>
  )

  const decline = async () => {
    const { confirm } = await Taro.showModal({
      title: '不同意报价',
      content: '不同意报价后，本次报修将被取消。确定不同意吗？',
      confirmText: '不同意',
      confirmColor: '#c4373f',
      cancelText: '再想想',
    })
    if (confirm) await run('repair.confirmQuote', { ticketId: ticket.id, accept: false, reason: '' })
  }

  return (
    <View className='ticket-detail'>
      <TicketHeader ticket={ticket} />

      {(ticket.promise || ticket.urgeAvailableAt !== null) && (
        <View className='ticket-detail__progress'>
          {ticket.promise && <Text className='ticket-detail__promise ticket-promise'>{ticket.promise}</Text>}
          {ticket.urgeAvailableAt !== null && (
            <UrgeButton
              availableAt={ticket.urgeAvailableAt}
              busy={busy === 'ticket.urge'}
              onUrge={() => void run('ticket.urge', { ticketId: ticket.id }, '已为您催办，处理人员会尽快处理')}
            />
          )}
        </View>
      )}

      {error && (
        <View className='ticket-detail__error'>
          <ErrorNotice message={error} />
        </View>
      )}

      {ticket.state === 'reopened' && (
        <Card title={words.reopenedTitle} className='reopened-section'>
          <Text className='ticket-detail__hint ticket-detail__hint--top'>
            {reopenedNotice(ticket.kind, ticket.handlerTitle, ticket.assignee?.name ?? null)}
          </Text>
        </Card>
      )}

      {ticket.quote && (
        <Card title='维修报价' className='quote-section' extra={canDecide ? <Text className='ticket-detail__todo'>待您确认</Text> : undefined}>
          <QuoteCard quote={ticket.quote} reader='owner'>
            {canDecide && (
              <View className='ticket-detail__quote-actions'>
                {can('decline_quote') && (
                  <AppButton kind='plain' loading={busy === 'repair.confirmQuote'} onClick={() => void decline()} className='quote-decline'>
                    不同意
                  </AppButton>
                )}
                {can('confirm_quote') && (
                  <AppButton
                    loading={busy === 'repair.confirmQuote'}
                    onClick={() => void run('repair.confirmQuote', { ticketId: ticket.id, accept: true, reason: '' })}
                    className='quote-accept'
                  >
                    同意报价
                  </AppButton>
                )}
              </View>
            )}
          </QuoteCard>
          {canDecide && <Text className='ticket-detail__hint'>同意报价后师傅开始施工，费用以报价为准。</Text>}
        </Card>
      )}

      {ticket.resultPhotos.length > 0 && (
        <Card title='处理结果照片' className='result-photos-section'>
          <PhotoGrid photos={ticket.resultPhotos} className='result-photos' />
        </Card>
      )}

      {can('rate') && (
        <Card title='回访评价' className='rating-section'>
          <Text className='ticket-detail__hint ticket-detail__hint--top'>{words.rateHint}</Text>
          <RatingForm
            busy={busy === 'callback.rate'}
            handlerTitle={ticket.handlerTitle}
            onSubmit={(r) => void run('callback.rate', { ticketId: ticket.id, handling: r.handling, staff: r.staff, comment: r.comment })}
          />
          {complainLink}
        </Card>
      )}


      {ticket.rating && (
        <Card title='我的评价' className='rating-result-section'>
          <RatingResult rating={ticket.rating} />
          {!can('rate') && complainLink}
        </Card>
      )}

      {ticket.referral && (
        <Card title='外部服务联系方式' className='referral-section'>
          <Text className='ticket-detail__hint ticket-detail__hint--top'>
            该问题超出物业工程维修范围，建议您联系以下具备资质的外部服务：
          </Text>
          <Text className='ticket-detail__referral'>{ticket.referral.contact}</Text>
          {ticket.referral.note !== '' && <Text className='ticket-detail__text'>{ticket.referral.note}</Text>}
        </Card>
      )}

      {declined && (
        <Card title='本次报修已结束' className='declined-section'>
          <Text className='ticket-detail__hint ticket-detail__hint--top'>
            您未同意本次报价，报修已取消，不会产生任何费用。感谢您的理解，如仍需维修，欢迎随时重新报修。
          </Text>
          <AppButton kind='secondary' block onClick={() => void Taro.navigateTo({ url: words.newUrl })} className='declined-new-repair'>
            重新报修
          </AppButton>
        </Card>
      )}

      {(ticket.assignee || !FINAL_STATES.includes(ticket.state)) && (
        <Card title={ticket.handlerTitle} className='handler-section'>
          {ticket.assignee ? (
            <>
              <ContactCard role={ticket.handlerTitle} name={ticket.assignee.name} phone={ticket.assignee.phone} className='assignee-card' />
              {ticket.state === 'dispatched' && (
                <Text className='ticket-detail__hint'>{`已转交${ticket.assignee.name}，正在等待接单`}</Text>
              )}
            </>
          ) : (
            <Text className='ticket-detail__muted handler-pending'>
              {ticket.state === 'submitted'
                ? `正在为您安排${ticket.handlerTitle}，请稍候`
                : `已转交${ticket.handlerTitle}，${words.handlerPending}`}
            </Text>
          )}
        </Card>
      )}

      {ticket.complaint && <ComplaintInfo ticket={{ ...ticket, complaint: ticket.complaint }} />}
      {ticket.card && <CardInfo ticket={{ ...ticket, card: ticket.card }} />}

      {/* An IC card request without a note has nothing more to show than 办理信息. */}
      {(ticket.kind !== 'card' || ticket.description !== '' || ticket.photos.length > 0) && (
        <Card title={words.content} className='content-section'>
          {ticket.kind === 'repair' && (
            <View className='ticket-detail__block'>
              <Text className='ticket-detail__label'>上门时间</Text>
              <Text className='ticket-detail__text ticket-appointment'>
                {ticket.appointment ? formatAppointment(ticket.appointment) : '尽快上门'}
              </Text>
              {ticket.rescheduled && <Text className='ticket-detail__hint ticket-rescheduled'>{`已改约：${ticket.rescheduled.reason}`}</Text>}
            </View>
          )}
          <View className='ticket-detail__block'>
            <Text className='ticket-detail__label'>{words.description}</Text>
            <Text className='ticket-detail__text ticket-description'>{ticket.description || '无'}</Text>
          </View>
          {ticket.photos.length > 0 && (
            <View className='ticket-detail__block'>
              <Text className='ticket-detail__label'>现场照片</Text>
              <PhotoGrid photos={ticket.photos} className='ticket-photos' />
            </View>
          )}
        </Card>
      )}

      <Card title='处理进度' className='timeline-section'>
        <Timeline entries={ticket.timeline} />
      </Card>

      {can('cancel') && (
        <View className='ticket-detail__cancel'>
          {cancelling ? (
            <Card title={words.cancel}>
              <CancelForm
                reasons={words.cancelReasons}
                verb={cancelVerb}
                busy={busy === 'ticket.cancel'}
                onClose={() => setCancelling(false)}
                onSubmit={async (reason) => {
                  if (await run('ticket.cancel', { ticketId: ticket.id, reason })) setCancelling(false)
                }}
              />
            </Card>
          ) : (
            <AppButton kind='danger' block onClick={() => setCancelling(true)} className='ticket-cancel'>
              {words.cancel}
            </AppButton>
          )}
        </View>
      )}
    </View>
  )
}
