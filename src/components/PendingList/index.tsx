import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PendingView } from '@/hooks/usePendingSubmissions'
import { flushPending } from '@/services/pending-flush'
import { removePending, rewaitPending } from '@/services/pending-submissions'
import type { PendingAction, PendingSubmission } from '@/utils/pending-queue'
import { formatShort } from '@/utils/time'
import './index.css'

const KIND: Record<PendingAction, string> = { 'repair.submit': '报修', 'complaint.submit': '投诉', 'card.submit': 'IC卡' }

const statusOf = (e: PendingSubmission, sending: string | null): string => {
  if (e.requestId === sending) return '正在发送…'
  return e.state === 'refused' ? `提交失败：${e.lastError ?? ''}` : '等待网络'
}

const retry = (e: PendingSubmission) => {
  if (e.state === 'refused') rewaitPending(e.requestId)
  void flushPending()
}

const confirmDelete = (e: PendingSubmission) =>
  Taro.showModal({ title: '删除待发送的申请？', content: '删除后这条申请不会再提交。', confirmText: '删除', confirmColor: '#c4373f' }).then(
    ({ confirm }) => confirm && removePending(e.requestId),
  )

/** 待发送: submissions kept on the phone while the network was down, sent when it is back. */
export default function PendingList({ items, sending }: PendingView) {
  if (items.length === 0) return null
  return (
    <View className='pending-list'>
      <Text className='pending-list__title'>{`待发送（${items.length}）`}</Text>
      <Text className='pending-list__note'>网络不佳，已保存，网络恢复后将自动提交</Text>
      {items.map((e) => (
        <View key={e.requestId} className={`pending-item pending-item--${e.state}`}>
          <View className='pending-item__top'>
            <Text className='pending-item__kind'>{KIND[e.action]}</Text>
            <Text className='pending-item__summary'>{e.summary}</Text>
          </View>
          <Text className='pending-item__time'>{`保存时间 ${formatShort(e.createdAt)}`}</Text>
          <View className='pending-item__bottom'>
            <Text className='pending-item__status'>{statusOf(e, sending)}</Text>
            {e.requestId !== sending && (
              <View className='pending-item__actions'>
                <Text className='pending-item__action pending-retry' onClick={() => retry(e)}>
                  立即重试
                </Text>
                <Text className='pending-item__action pending-item__action--delete pending-delete' onClick={() => void confirmDelete(e)}>
                  删除
                </Text>
              </View>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
