import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import { sourceLine } from '@/core/tickets/channel'
import AppButton from '@/components/AppButton'
import Card from '@/components/Card'
import AttemptList from './AttemptList'
import { callbackUrl } from './routes'
import './desk-task-extras.css'

export interface DeskTaskExtrasProps {
  ticket: TicketView
}

/**
 * The front desk's lines on a staff task page: where a request registered for the owner came from
 * (来源：电话（陈前台代客登记）), the calls that did not reach the owner, and — for the desk, while
 * the ticket waits for its callback — the way to the phone callback.
 */
export default function DeskTaskExtras({ ticket }: DeskTaskExtrasProps) {
  const registered = ticket.registeredByName !== null
  const canCall = ticket.actions.includes('callback_attempt')
  if (!registered && !canCall && ticket.callbackAttempts.length === 0) return null
  return (
    <Card title='受理与回访' className='desk-task-extras'>
      {registered && (
        <View className='desk-task-extras__row'>
          <Text className='desk-task-extras__label'>来源</Text>
          <Text className='desk-task-extras__value ticket-source'>{sourceLine(ticket.channel, { name: ticket.registeredByName! })}</Text>
        </View>
      )}
      {ticket.callbackAttempts.length > 0 && (
        <View className='desk-task-extras__block'>
          <Text className='desk-task-extras__label'>{`未联系上业主 ${ticket.callbackAttempts.length} 次`}</Text>
          <AttemptList attempts={ticket.callbackAttempts} />
        </View>
      )}
      {canCall && (
        <AppButton block kind='secondary' onClick={() => void Taro.navigateTo({ url: callbackUrl(ticket.id) })} className='desk-task-extras__call task-phone-callback'>
          电话回访
        </AppButton>
      )}
    </Card>
  )
}
