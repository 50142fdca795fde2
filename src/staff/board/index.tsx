import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Card from '@/components/Card'
import PageStatus from '@/components/PageStatus'
import { useQuery } from '@/hooks/useAction'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import HandoverCard from '../handover/HandoverCard'
import PersonRow from './PersonRow'
import './index.css'

const go = (url: string) => void Taro.navigateTo({ url })

/** A count read from a bounded list: 50+ when the list was full. */
const countText = ({ count, more }: { count: number; more: boolean }) => `${count}${more ? '+' : ''}`

/**
 * 在岗与负荷 (supervisor, manager): the escalated tickets and those waiting for someone (each a
 * way into the inbox tab that lists them), handovers not confirmed yet, and per team who is on
 * duty with their load and whether a reminder still reaches them.
 */
export default function DutyBoardPage() {
  const board = useQuery('duty.board', {})
  useReloadOnShow(board.reload)
  usePullDownRefresh(async () => {
    await board.reload()
    Taro.stopPullDownRefresh()
  })

  if (!board.data) return <PageStatus loading={board.loading} error={board.error} onRetry={board.reload} />
  const { teams, late, waiting, handovers } = board.data

  const tiles = [
    { key: 'late', label: '已超时', value: countText(late), alert: late.count > 0, url: '/staff/inbox/index?tab=late' },
    { key: 'pool', label: '待协调', value: countText(waiting), alert: waiting.count > 0, url: '/staff/inbox/index?tab=pool' },
  ]

  return (
    <View className='duty-board'>
      <View className='duty-board__tiles'>
        {tiles.map((t) => (
          <View
            key={t.key}
            className={cx('duty-board__tile', `duty-board__tile--${t.key}`, t.alert && 'duty-board__tile--alert')}
            {...a11y('link', `${t.label} ${t.value} 单`)}
            onClick={() => go(t.url)}
          >
            <Text className='duty-board__tile-value'>{t.value}</Text>
            <Text className='duty-board__tile-label'>{`${t.label} ›`}</Text>
          </View>
        ))}
        <View className={cx('duty-board__tile', 'duty-board__tile--handover', handovers.length > 0 && 'duty-board__tile--alert')}>
          <Text className='duty-board__tile-value'>{handovers.length}</Text>
          <Text className='duty-board__tile-label'>交接待确认</Text>
        </View>
      </View>

      {teams.map((team) => (
        <Card
          key={team.team}
          title={team.teamName}
          extra={<Text className='duty-board__on-duty'>{`在岗 ${team.onDuty}/${team.people.length}`}</Text>}
          className={`duty-board__team duty-team-${team.team}`}
        >
          {team.people.map((p) => (
            <PersonRow key={p.staffId} p={p} />
          ))}
        </Card>
      ))}

      {handovers.length > 0 && (
        <View className='duty-board__handovers'>
          <Text className='duty-board__heading'>未确认的交接班</Text>
          {handovers.map((h) => (
            <HandoverCard key={h.id} handover={h} />
          ))}
        </View>
      )}
    </View>
  )
}
