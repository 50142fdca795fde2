import { Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import { formatShort } from '@/utils/time'
import './attempt-list.css'

export interface AttemptListProps {
  attempts: TicketView['callbackAttempts']
}

/** Phone callbacks that did not reach the owner: when, what happened, who called. */
export default function AttemptList({ attempts }: AttemptListProps) {
  return (
    <View className='attempt-list'>
      {attempts.map((a, i) => (
        <View key={`${a.at}-${i}`} className='attempt-list__item'>
          <Text className='attempt-list__time'>{formatShort(a.at)}</Text>
          <Text className='attempt-list__note'>{a.note}</Text>
          <Text className='attempt-list__by'>{a.byName}</Text>
        </View>
      ))}
    </View>
  )
}
