import { Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import InfoRow from '@/components/InfoRow'
import StateBadge from '@/components/StateBadge'
import UrgentTag from '@/components/UrgentTag'
import { formatFull, formatShort } from '@/utils/time'
import './index.css'

export interface TicketHeaderProps {
  ticket: TicketView
  /**
   * The owner urged (催办) and nobody has moved the ticket on since: the last urge and how many
   * there were. Staff pages pass it to show a clear marker; none by default.
   */
  urged?: { at: number; count: number } | null
}

/** The line under the title: which kind of request this is. */
const kindLine = (ticket: TicketView): string =>
  ticket.kind === 'complaint' ? '业主投诉' : ticket.kind === 'card' ? 'IC卡办理' : ticket.area === 'public' ? '公共区域报修' : '户内报修'

/** The top of a ticket page: state, what and where, number and time. */
export default function TicketHeader({ ticket, urged = null }: TicketHeaderProps) {
  return (
    <View className='ticket-header'>
      <View className='ticket-header__top'>
        <View className='ticket-header__icon'>
          <Text>{ticket.categoryIcon}</Text>
        </View>
        <View className='ticket-header__title-box'>
          <View className='ticket-header__title-row'>
            <Text className='ticket-header__title ticket-category'>{ticket.categoryName}</Text>
            {ticket.urgent && <UrgentTag />}
          </View>
          <Text className='ticket-header__area'>{kindLine(ticket)}</Text>
        </View>
        <StateBadge state={ticket.state} label={ticket.stateLabel} className='ticket-state' />
      </View>
      {urged && (
        <View className='ticket-header__urged urged-marker'>
          <Text className='ticket-header__urged-title'>业主已催办</Text>
          <Text className='ticket-header__urged-text'>
            {urged.count > 1
              ? `共催办 ${urged.count} 次，最近一次 ${formatShort(urged.at)}，请尽快处理`
              : `${formatShort(urged.at)} 催办，请尽快处理`}
          </Text>
        </View>
      )}
      <View className='ticket-header__rows'>
        <InfoRow label='工单号'>
          <Text className='ticket-no'>{ticket.no}</Text>
        </InfoRow>
        <InfoRow label={ticket.kind === 'repair' ? '报修位置' : '房屋'}>
          <Text className='ticket-place'>{ticket.place}</Text>
        </InfoRow>
        <InfoRow label='提交时间'>
          <Text>{formatFull(ticket.createdAt)}</Text>
        </InfoRow>
        {ticket.cancelReason && (
          <InfoRow label={ticket.kind === 'complaint' ? '撤销原因' : '取消原因'}>
            <Text>{ticket.cancelReason}</Text>
          </InfoRow>
        )}
      </View>
    </View>
  )
}
