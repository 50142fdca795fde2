import { Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import { cx } from '@/utils/cx'
import { formatShort } from '@/utils/time'
import './index.css'

export type Deadline = TicketView['deadlines'][number]

export interface DeadlineListProps {
  deadlines: readonly Deadline[]
  now: number
}

type DeadlineStatus = { text: string; tone: 'done' | 'late' | 'running' }

/** Stopped clocks are done (noting if late); running ones are late once breached or past due. */
export const deadlineStatus = (d: Deadline, now: number): DeadlineStatus => {
  if (d.stoppedAt !== null) return { text: d.breached ? '已完成（超时）' : '已完成', tone: d.breached ? 'late' : 'done' }
  if (d.breached || d.dueAt < now) return { text: '已超时', tone: 'late' }
  return { text: '进行中', tone: 'running' }
}

/** 服务时限: every clock of the ticket with its due time. */
export default function DeadlineList({ deadlines, now }: DeadlineListProps) {
  if (deadlines.length === 0) return <Text className='deadline-list__empty'>暂无时限要求</Text>
  return (
    <View className='deadline-list'>
      {deadlines.map((d) => {
        const status = deadlineStatus(d, now)
        return (
          <View key={d.clock} className='deadline-item'>
            <Text className='deadline-item__label'>{d.label}</Text>
            <Text className='deadline-item__due'>{formatShort(d.dueAt)} 前</Text>
            <Text className={cx('deadline-item__status', `deadline-item__status--${status.tone}`)}>{status.text}</Text>
          </View>
        )
      })}
    </View>
  )
}
