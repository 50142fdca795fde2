import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Identity } from '@/core/contract/views'
import { useQuery } from '@/hooks/useAction'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import { formatShort } from '@/utils/time'
import './duty-entries.css'

export interface DutyEntriesProps {
  identity: Identity | null | undefined
}

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * The top of a staff inbox: handovers waiting for this person's 确认接班 (prominent, so the next
 * shift cannot miss them), else the way to write one; for the supervisor and the manager the way
 * to 在岗与负荷 and to 统计报表.
 */
export default function DutyEntries({ identity }: DutyEntriesProps) {
  const pending = useQuery('duty.toConfirm', {})
  useReloadOnShow(pending.reload)
  if (identity?.kind !== 'staff') return null
  const supervises = identity.role === 'supervisor' || identity.role === 'manager'
  const waiting = pending.data?.handovers ?? []
  const latest = waiting[0]
  return (
    <View className='duty-entries'>
      {waiting.length > 0 && latest && (
        <View className='duty-entry duty-entry--alert handover-entry' {...a11y('button', `${waiting.length}条交接班待确认`)} onClick={() => go('/staff/handover/index')}>
          <Text className='duty-entry__icon'>📋</Text>
          <View className='duty-entry__body'>
            <Text className='duty-entry__title'>{`${waiting.length} 条交接班待您确认接班`}</Text>
            <Text className='duty-entry__sub'>{`${latest.writerName} ${formatShort(latest.createdAt)}：${latest.notes}`}</Text>
          </View>
          <Text className='duty-entry__arrow'>›</Text>
        </View>
      )}
      {waiting.length === 0 && pending.data?.canWrite && (
        <View className='duty-entry handover-entry' {...a11y('button', '交接班')} onClick={() => go('/staff/handover/index')}>
          <Text className='duty-entry__icon'>📋</Text>
          <Text className={cx('duty-entry__title', 'duty-entry__title--plain')}>交接班</Text>
          <Text className='duty-entry__arrow'>›</Text>
        </View>
      )}
      {supervises && (
        <View className='duty-entry board-entry' {...a11y('button', '在岗与负荷')} onClick={() => go('/staff/board/index')}>
          <Text className='duty-entry__icon'>👥</Text>
          <Text className={cx('duty-entry__title', 'duty-entry__title--plain')}>在岗与负荷</Text>
          <Text className='duty-entry__arrow'>›</Text>
        </View>
      )}
      {supervises && (
        <View className='duty-entry kpi-entry' {...a11y('button', '统计报表')} onClick={() => go('/staff/kpi/index')}>
          <Text className='duty-entry__icon'>📊</Text>
          <Text className={cx('duty-entry__title', 'duty-entry__title--plain')}>统计报表</Text>
          <Text className='duty-entry__arrow'>›</Text>
        </View>
      )}
    </View>
  )
}
