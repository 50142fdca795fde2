import { Text, View } from '@tarojs/components'
import type { BoardPersonView } from '@/core/contract/duty-actions'
import { cx } from '@/utils/cx'

/** Reminders a person can still be pushed (新任务提醒; for supervisors 待派单协调提醒). */
const reachText = (p: BoardPersonView): string =>
  p.credits > 0 ? `可微信提醒（剩余${p.credits}次）` : '提醒次数已用完，仅站内通知'

/** One person on the board: duty and shift, open tasks against the cap, reach, breached tasks. */
export default function PersonRow({ p }: { p: BoardPersonView }) {
  const share = p.cap > 0 ? Math.min(1, p.openTasks / p.cap) : 1
  const full = p.openTasks >= p.cap
  return (
    <View className={cx('board-person', !p.onDuty && 'board-person--off')}>
      <View className='board-person__head'>
        <Text className='board-person__name'>{p.name}</Text>
        <Text className='board-person__role'>{[p.roleName, p.skills].filter(Boolean).join(' · ')}</Text>
        <Text className={cx('board-person__duty', p.onDuty ? 'board-person__duty--on' : 'board-person__duty--off')}>
          {p.onDuty ? '在岗' : '不在岗'}
        </Text>
      </View>
      <Text className='board-person__shift'>{`${p.shifts}${p.zones ? ` · ${p.zones}` : ''}`}</Text>
      <View className='board-person__load'>
        <View className='board-person__bar'>
          <View className={cx('board-person__fill', full && 'board-person__fill--full')} style={{ width: `${Math.round(share * 100)}%` }} />
        </View>
        <Text className={cx('board-person__count', full && 'board-person__count--full')}>{`手上 ${p.openTasks}/${p.cap} 单`}</Text>
      </View>
      <View className='board-person__facts'>
        <Text className={cx('board-person__reach', p.credits === 0 && 'board-person__reach--none')}>{reachText(p)}</Text>
        {p.lateTasks > 0 && <Text className='board-person__late'>{`超时 ${p.lateTasks} 单`}</Text>}
      </View>
    </View>
  )
}
