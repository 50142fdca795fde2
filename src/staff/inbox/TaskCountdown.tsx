import { Text, View } from '@tarojs/components'
import type { TicketSummary } from '@/core/contract/views'
import { cx } from '@/utils/cx'
import { countdownOf } from './countdown'
import './task-countdown.css'

export interface TaskCountdownProps {
  clock: TicketSummary['clock']
  /** The list's one clock: every card reads the same instant. */
  now: number
}

/** A task card's live countdown of its running clock: 到场时限 · 剩余 12 分钟, marked when about to breach. */
export default function TaskCountdown({ clock, now }: TaskCountdownProps) {
  if (!clock) return null
  const { tone, text } = countdownOf(clock, now)
  return (
    <View className={cx('task-countdown', `task-countdown--${tone}`)}>
      <Text className='task-countdown__text'>{text}</Text>
      {tone === 'soon' && <Text className='task-countdown__tag'>即将超时</Text>}
    </View>
  )
}
