import { Text, View } from '@tarojs/components'
import type { PushFailureView } from '@/core/contract/views'
import Card from '@/components/Card'
import { formatShort } from '@/utils/time'
import './push-failures.css'

export interface PushFailuresProps {
  /** Newest first, as the server sends them. */
  failures: readonly PushFailureView[]
}

/**
 * 消息提醒: WeChat messages about this task that did not reach someone. Said here so whoever
 * reads it can tell that person another way instead of assuming they know.
 */
export default function PushFailures({ failures }: PushFailuresProps) {
  if (failures.length === 0) return null
  return (
    <Card title='消息提醒' className='push-failures'>
      {failures.map((f, i) => (
        <View key={`${f.at}-${i}`} className='push-failures__item'>
          <Text className='push-failures__text'>{f.text}</Text>
          <Text className='push-failures__time'>{formatShort(f.at)}</Text>
        </View>
      ))}
      <Text className='push-failures__hint'>微信消息未能送达时，请通过电话或当面告知相关人员。</Text>
    </Card>
  )
}
