import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import EmptyState from '@/components/EmptyState'
import PageStatus from '@/components/PageStatus'
import type { ActionOutput } from '@/core/contract/actions'
import { KPI_PERIOD_LABELS } from '@/core/kpi/labels'
import { useQuery } from '@/hooks/useAction'
import { a11y } from '@/utils/a11y'
import { formatFull } from '@/utils/time'
import { drillFromParams } from './scope-query'
import './tickets.css'

type DrillRow = ActionOutput<'kpi.tickets'>['tickets'][number]

/** The tickets behind a number of 统计报表 (drill-down), newest first; a row opens the task. */
export default function KpiTicketsPage() {
  const { params } = useRouter()
  const asked = drillFromParams(params)
  const list = useQuery('kpi.tickets', asked ? { ...asked.scope, drill: asked.drill } : { drill: 'volume' }, JSON.stringify(asked))
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  if (!asked) return <PageStatus loading={false} error='统计项不正确' onRetry={() => void Taro.navigateBack()} />
  if (!list.data) return <PageStatus loading={list.loading} error={list.error} onRetry={list.reload} />
  const { title, total, tickets } = list.data
  const { scope } = asked
  const range = scope.period === 'custom' || !scope.period ? [scope.from, scope.to].filter(Boolean).join(' 至 ') : KPI_PERIOD_LABELS[scope.period]

  return (
    <View className='kpi-tickets'>
      <View className='kpi-tickets__head'>
        <Text className='kpi-tickets__title'>{title}</Text>
        <Text className='kpi-tickets__total'>
          {tickets.length < total ? `${range} · 共 ${total} 单，显示最新 ${tickets.length} 单` : `${range} · 共 ${total} 单`}
        </Text>
      </View>
      {tickets.length === 0 && <EmptyState icon='📊' title='没有相关工单' description='这一项没有需要查看的工单。' />}
      {tickets.map((t) => (
        <Row key={t.id} row={t} />
      ))}
    </View>
  )
}

function Row({ row }: { row: DrillRow }) {
  return (
    <View
      className='kpi-ticket'
      {...a11y('button', `${row.no} ${row.kindName} ${row.categoryName}`)}
      onClick={() => void Taro.navigateTo({ url: `/staff/task/index?id=${encodeURIComponent(row.id)}` })}
    >
      <View className='kpi-ticket__head'>
        <Text className='kpi-ticket__no'>{row.no}</Text>
        <Text className='kpi-ticket__outcome'>{row.outcomeName}</Text>
      </View>
      <Text className='kpi-ticket__what'>{`${row.kindName}·${row.categoryName} · ${row.community}`}</Text>
      <Text className='kpi-ticket__who'>{`${formatFull(row.createdAt)} · 处理人 ${row.handlerName ?? '无'}`}</Text>
      {row.note !== '' && <Text className='kpi-ticket__note'>{row.note}</Text>}
    </View>
  )
}
