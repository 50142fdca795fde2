import { Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import { cx } from '@/utils/cx'
import { countdownText, formatShort } from '@/utils/time'
import './index.css'

export type Deadline = TicketView['deadlines'][number]

export interface DeadlineListProps {
  deadlines: readonly Deadline[]
  now: number
}

type DeadlineStatus = { text: string; tone: 'done' | 'late' | 'running' | 'paused' }

/**
 * Stopped clocks are done (noting if late); a paused one waits for the owner; running ones count
 * down (剩余 12 分钟) and are late once breached or past due (已超时 5 分钟).
 */
export const deadlineStatus = (d: Deadline, now: number): DeadlineStatus => {
  if (d.stoppedAt !== null) return { text: d.breached ? '已完成（超时）' : '已完成', tone: d.breached ? 'late' : 'done' }
  if (d.pausedAt !== null) return { text: '已暂停', tone: 'paused' }
  if (d.breached || d.dueAt <= now) return { text: countdownText(d.dueAt, Math.max(now, d.dueAt)), tone: 'late' }
  return { text: countdownText(d.dueAt, now), tone: 'running' }
}

/** Whether some clock is counting now (the list then needs re-rendering as time passes). */
export const hasCountingDeadline = (deadlines: readonly Deadline[]): boolean =>
  deadlines.some((d) => d.stoppedAt === null && d.pausedAt === null)

/** 服务时限: every clock of the ticket with its due time and where it stands now. */
export default function DeadlineList({ deadlines, now }: DeadlineListProps) {
  if (deadlines.length === 0) return <Text className='deadline-list__empty'>暂无时限要求</Text>
  return (
    <View className='deadline-list'>
      {deadlines.map((d) => {
        const status = deadlineStatus(d, now)
        return (
          <View key={d.clock} className={cx('deadline-item', status.tone === 'paused' && 'deadline-item--paused')}>
            <View className='deadline-item__row'>
              <Text className='deadline-item__label'>{d.label}</Text>
              <Text className='deadline-item__due'>{formatShort(d.dueAt)} 前</Text>
              <Text className={cx('deadline-item__status', `deadline-item__status--${status.tone}`)}>{status.text}</Text>
            </View>
            {status.tone === 'paused' && (
              <Text className='deadline-item__paused'>
                {`${d.pauseReason ? `暂停原因：${d.pauseReason}` : '计时已暂停'}。暂停期间不计时，恢复后时限顺延。`}
              </Text>
            )}
          </View>
        )
      })}
    </View>
  )
}
