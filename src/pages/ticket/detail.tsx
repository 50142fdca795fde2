import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import CancelForm from '@/components/CancelForm'
import Card from '@/components/Card'
import ContactCard from '@/components/ContactCard'
import ErrorNotice from '@/components/ErrorNotice'
import PageStatus from '@/components/PageStatus'
import QuoteCard from '@/components/QuoteCard'
import RatingForm from '@/components/RatingForm'
import RatingResult from '@/components/RatingResult'
import TicketHeader from '@/components/TicketHeader'
import Timeline from '@/components/Timeline'
import { useTicket } from '@/hooks/useTicket'
import { formatAppointment } from '@/utils/appointment'
import './detail.css'

/** 工单详情 for the owner: progress, the technician, the quote to confirm, the callback rating. */
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

  const decline = async () => {
    const { confirm } = await Taro.showModal({
      title: '不同意报价',
      content: '不同意报价后，本次报修将被取消。确定不同意吗？',
      confirmText: '不同意',
      cancelText: '再想想',
    })
    if (confirm) await run('repair.confirmQuote', { ticketId: ticket.id, accept: false, reason: '' })
  }

  return (
    <View className='ticket-detail'>
      <TicketHeader ticket={ticket} />

      {error && (
        <View className='ticket-detail__error'>
          <ErrorNotice message={error} />
        </View>
      )}

      {ticket.quote && (
        <Card title='维修报价' className='quote-section' extra={canDecide ? <Text className='ticket-detail__todo'>待您确认</Text> : undefined}>
          <QuoteCard quote={ticket.quote}>
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

      {can('rate') && (
        <Card title='回访评价' className='rating-section'>
          <Text className='ticket-detail__hint ticket-detail__hint--top'>维修已完成，请对本次服务进行评价。</Text>
          <RatingForm
            busy={busy === 'callback.rate'}
            onSubmit={(r) => void run('callback.rate', { ticketId: ticket.id, handling: r.handling, staff: r.staff, comment: r.comment })}
          />
        </Card>
      )}

      {ticket.state === 'reopened' && (
        <Card title='返修处理中' className='reopened-section'>
          <Text className='ticket-detail__hint ticket-detail__hint--top'>
            {`感谢您的反馈。工单已退回${ticket.assignee?.name ?? '原维修师傅'}继续处理，师傅会尽快与您联系；处理完成后会再次请您评价。`}
          </Text>
        </Card>
      )}

      {ticket.rating && (
        <Card title='我的评价' className='rating-result-section'>
          <RatingResult rating={ticket.rating} />
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

      <Card title='维修师傅'>
        {ticket.assignee ? (
          <ContactCard role='维修师傅' name={ticket.assignee.name} phone={ticket.assignee.phone} className='assignee-card' />
        ) : (
          <Text className='ticket-detail__muted'>正在为您安排维修师傅，请稍候</Text>
        )}
      </Card>

      <Card title='报修内容'>
        <View className='ticket-detail__block'>
          <Text className='ticket-detail__label'>上门时间</Text>
          <Text className='ticket-detail__text ticket-appointment'>
            {ticket.appointment ? formatAppointment(ticket.appointment) : '尽快上门'}
          </Text>
        </View>
        <View className='ticket-detail__block'>
          <Text className='ticket-detail__label'>问题描述</Text>
          <Text className='ticket-detail__text ticket-description'>{ticket.description}</Text>
        </View>
      </Card>

      <Card title='处理进度' className='timeline-section'>
        <Timeline entries={ticket.timeline} />
      </Card>

      {can('cancel') && (
        <View className='ticket-detail__cancel'>
          {cancelling ? (
            <Card title='取消报修'>
              <CancelForm
                busy={busy === 'repair.cancel'}
                onClose={() => setCancelling(false)}
                onSubmit={async (reason) => {
                  if (await run('repair.cancel', { ticketId: ticket.id, reason })) setCancelling(false)
                }}
              />
            </Card>
          ) : (
            <AppButton kind='danger' block onClick={() => setCancelling(true)} className='ticket-cancel'>
              取消报修
            </AppButton>
          )}
        </View>
      )}
    </View>
  )
}
