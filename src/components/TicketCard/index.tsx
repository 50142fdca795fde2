import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { TicketSummary } from '@/core/contract/views'
import { HANDLER_NAMES } from '@/core/tickets/kinds'
import KindBadge from '@/components/KindBadge'
import StateBadge from '@/components/StateBadge'
import UrgentTag from '@/components/UrgentTag'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import { formatShort } from '@/utils/time'
import './index.css'

export interface TicketCardProps {
  ticket: TicketSummary
  /** Owners see who handles it; staff see the running deadline. */
  audience: 'owner' | 'staff'
  /** Current time, to mark a passed deadline. */
  now: number
  onClick: () => void
  /** Shown at the bottom of the card, e.g. a staff list's live countdown. */
  children?: ReactNode
}

/** One ticket in a list: what, where, state and when. */
export default function TicketCard({ ticket, audience, now, onClick, children }: TicketCardProps) {
  const overdue = ticket.dueAt !== null && ticket.dueAt < now
  return (
    <View
      className={cx('ticket-card-item', audience === 'owner' ? 'ticket-card' : 'task-card')}
      {...a11y('button', `${ticket.kindName} ${ticket.categoryName} ${ticket.stateLabel}`)}
      onClick={onClick}
    >
      <View className='ticket-card-item__top'>
        <View className='ticket-card-item__icon'>
          <Text>{ticket.categoryIcon}</Text>
        </View>
        <View className='ticket-card-item__heading'>
          <View className='ticket-card-item__title-row'>
            <KindBadge kind={ticket.kind} label={ticket.kindName} className='ticket-card-item__kind' />
            <Text className='ticket-card-item__title'>{ticket.categoryName}</Text>
            {ticket.urgent && <UrgentTag />}
          </View>
          <Text className='ticket-card-item__place'>{ticket.place}</Text>
        </View>
        <StateBadge state={ticket.state} label={ticket.stateLabel} />
      </View>
      <Text className='ticket-card-item__desc'>{ticket.description}</Text>
      {audience === 'staff' && ticket.help && (
        <Text className='ticket-card-item__help'>
          {`待协调：${ticket.help.reason}${ticket.help.told.length ? `（已通知${ticket.help.told.join('、')}）` : ''}`}
        </Text>
      )}
      <View className='ticket-card-item__meta'>
        <Text className='ticket-card-item__time'>{formatShort(ticket.createdAt)} 提交</Text>
        {audience === 'owner' && ticket.assigneeName && (
          <Text className='ticket-card-item__assignee'>{`${HANDLER_NAMES[ticket.kind]} ${ticket.assigneeName}`}</Text>
        )}
        {audience === 'staff' && ticket.dueAt !== null && (
          <Text className={cx('ticket-card-item__due', overdue && 'ticket-card-item__due--overdue')}>
            {overdue ? '已超时 ' : '时限 '}
            {formatShort(ticket.dueAt)}
          </Text>
        )}
      </View>
      {children}
    </View>
  )
}
