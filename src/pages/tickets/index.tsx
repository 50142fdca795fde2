import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import EmptyState from '@/components/EmptyState'
import PageStatus from '@/components/PageStatus'
import TicketCard from '@/components/TicketCard'
import { useQuery } from '@/hooks/useAction'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import './index.css'

const goRepair = () => void Taro.navigateTo({ url: '/pages/repair/new' })

/** 我的报修: the owner's tickets, newest first as the server sends them. */
export default function TicketsPage() {
  const { data, error, loading, reload } = useQuery('ticket.list', {})
  useReloadOnShow(reload)
  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  if (!data) return <PageStatus loading={loading} error={error} onRetry={reload} />

  const now = Date.now()
  if (data.tickets.length === 0) {
    return (
      <EmptyState icon='📭' title='还没有报修记录' description='家中或公共区域设施有问题？随时提交报修，我们尽快安排师傅上门。'>
        <AppButton size='large' onClick={goRepair} className='tickets-empty-repair'>
          我要报修
        </AppButton>
      </EmptyState>
    )
  }

  return (
    <View className='tickets'>
      <View className='tickets__bar'>
        <Text className='tickets__count'>共 {data.tickets.length} 条报修</Text>
        <Text className='tickets__new' onClick={goRepair}>
          + 新建报修
        </Text>
      </View>
      {data.tickets.map((t) => (
        <TicketCard
          key={t.id}
          ticket={t}
          audience='owner'
          now={now}
          onClick={() => void Taro.navigateTo({ url: `/pages/ticket/detail?id=${encodeURIComponent(t.id)}` })}
        />
      ))}
      <Text className='tickets__end'>下拉可刷新</Text>
    </View>
  )
}
