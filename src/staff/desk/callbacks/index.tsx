import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CallbackItem } from '@/core/contract/desk-actions'
import EmptyState from '@/components/EmptyState'
import PageStatus from '@/components/PageStatus'
import { useQuery } from '@/hooks/useAction'
import { useNow } from '@/hooks/useNow'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import { countdownText, formatClock, formatShort } from '@/utils/time'
import { callbackUrl } from '../routes'
import './index.css'

/** Countdowns are redrawn this often. */
const TICK_MS = 30_000

/**
 * 回访队列: every ticket waiting for its callback, the most urgent first, with the owner to call,
 * the due time (8 hours after return for repairs) and the calls that did not reach them.
 */
export default function CallbackQueuePage() {
  const queue = useQuery('desk.callbacks', {})
  const now = useNow(TICK_MS)

  useReloadOnShow(queue.reload)
  usePullDownRefresh(async () => {
    await queue.reload()
    Taro.stopPullDownRefresh()
  })

  if (!queue.data) return <PageStatus loading={queue.loading} error={queue.error} onRetry={queue.reload} />
  const { items, tellSupervisorAtAttempt } = queue.data
  const overdue = items.filter((i) => i.dueAt < now).length

  return (
    <View className='callback-queue'>
      <View className='callback-queue__summary'>
        <Text className='callback-queue__count'>{`待回访 ${items.length} 单`}</Text>
        {overdue > 0 && <Text className='callback-queue__overdue'>{`其中 ${overdue} 单已超时`}</Text>}
      </View>
      {items.length === 0 && <EmptyState icon='☎️' title='暂无待回访的工单' description='师傅返单后，工单会出现在这里，请在8小时内回访。' />}
      {items.map((item) => (
        <QueueItem key={item.ticket.id} item={item} now={now} tellAt={tellSupervisorAtAttempt} />
      ))}
    </View>
  )
}

function QueueItem({ item, now, tellAt }: { item: CallbackItem; now: number; tellAt: number }) {
  const { ticket } = item
  const late = item.dueAt < now
  const last = item.attempts[item.attempts.length - 1]
  return (
    <View
      className={cx('callback-item', late && 'callback-item--late')}
      {...a11y('button', `回访 ${ticket.no} ${item.ownerName}`)}
      onClick={() => void Taro.navigateTo({ url: callbackUrl(ticket.id) })}
    >
      <View className='callback-item__head'>
        <Text className='callback-item__what'>{`${ticket.categoryIcon} ${ticket.kindName}·${ticket.categoryName}`}</Text>
        <Text className={cx('callback-item__due', late && 'callback-item__due--late')}>{late ? '回访已超时' : countdownText(item.dueAt, now)}</Text>
      </View>
      <Text className='callback-item__owner'>{`${item.ownerName} ${item.ownerPhone} · ${ticket.place}`}</Text>
      <Text className='callback-item__line'>{`${ticket.no} · 处理人 ${ticket.assigneeName ?? '—'} · 返单 ${formatShort(item.returnedAt)}`}</Text>
      <Text className='callback-item__line callback-item__deadline'>{`回访时限 ${formatShort(item.dueAt)}${late ? `（${countdownText(item.dueAt, now)}）` : ''}`}</Text>
      {last && (
        <Text className='callback-item__attempts'>
          {`已拨打 ${item.attempts.length} 次未联系上（最近 ${formatClock(last.at)} ${last.note}）${item.attempts.length >= tellAt ? '，已告知客服主任' : ''}`}
        </Text>
      )}
    </View>
  )
}
