import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import type { ActionInput } from '@/core/contract/actions'
import type { RegisterRow } from '@/core/contract/desk-actions'
import { CHANNEL_NAMES } from '@/core/tickets/channel'
import { REGISTER_STATE_GROUP_NAMES, REGISTER_STATE_GROUPS } from '@/core/tickets/register'
import ChipGroup from '@/components/ChipGroup'
import EmptyState from '@/components/EmptyState'
import PageStatus from '@/components/PageStatus'
import { useQuery } from '@/hooks/useAction'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import { formatClock, formatDateValue, relativeDayName, chinaDateAt } from '@/utils/time'
import './index.css'

type Filters = Required<Omit<ActionInput<'desk.daily'>, 'date'>>

const KIND_FILTERS = [
  { value: 'all', label: '全部类型' },
  { value: 'repair', label: '报修' },
  { value: 'complaint', label: '投诉' },
  { value: 'card', label: 'IC卡' },
] as const

const CHANNEL_FILTERS = [
  { value: 'all', label: '全部来源' },
  { value: 'wechat', label: CHANNEL_NAMES.wechat },
  { value: 'phone', label: CHANNEL_NAMES.phone },
  { value: 'walk_in', label: CHANNEL_NAMES.walk_in },
] as const

const STATE_FILTERS = [{ value: 'all', label: '全部状态' }, ...REGISTER_STATE_GROUPS.map((g) => ({ value: g, label: REGISTER_STATE_GROUP_NAMES[g] }))] as const

/**
 * 前台受理登记: every request of a day (China time; today unless another day is picked), in the
 * order they came in, filterable by kind, source and state. A row opens the ticket.
 */
export default function DailyRegisterPage() {
  const [date, setDate] = useState(() => formatDateValue(Date.now()))
  const [filters, setFilters] = useState<Filters>({ kind: 'all', channel: 'all', state: 'all' })
  const key = `${date}|${filters.kind}|${filters.channel}|${filters.state}`
  const register = useQuery('desk.daily', { date, ...filters }, key)
  // The day and filters the shown list belongs to: a change shows the loader, not the old list.
  const [dataKey, setDataKey] = useState<string | null>(null)
  useEffect(() => {
    if (register.data) setDataKey(key)
  }, [register.data])

  usePullDownRefresh(async () => {
    await register.reload()
    Taro.stopPullDownRefresh()
  })

  const today = formatDateValue(Date.now())
  const dayStart = chinaDateAt(date, 0)
  const dayName = dayStart === null ? '' : relativeDayName(dayStart, Date.now())
  const set = <K extends keyof Filters>(key: K) => (value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }))
  const shown = dataKey === key ? register.data : null

  return (
    <View className='daily-register'>
      <View className='daily-register__filters'>
        <Picker mode='date' value={date} end={today} onChange={(e) => setDate(String(e.detail.value))} className='daily-date-picker'>
          <View className='daily-register__date' {...a11y('button', `受理日期 ${date}`)}>
            <Text className='daily-register__date-value daily-date'>{date}</Text>
            <Text className='daily-register__date-name'>{['今天', '明天', '后天'].includes(dayName) ? dayName : ''}</Text>
            <Text className='daily-register__date-change'>换一天 ›</Text>
          </View>
        </Picker>
        <ChipGroup label='类型' options={KIND_FILTERS} value={filters.kind} onChange={set('kind')} className='daily-filter daily-kind' />
        <ChipGroup label='来源' options={CHANNEL_FILTERS} value={filters.channel} onChange={set('channel')} className='daily-filter daily-channel' />
        <ChipGroup label='状态' options={STATE_FILTERS} value={filters.state} onChange={set('state')} className='daily-filter daily-state' />
      </View>

      {!shown && <PageStatus loading={register.loading || !register.error} error={register.error} onRetry={register.reload} />}
      {shown && (
        <Text className='daily-register__count daily-count'>
          {shown.rows.length === shown.total ? `当日受理 ${shown.total} 单` : `当日受理 ${shown.total} 单，符合筛选 ${shown.rows.length} 单`}
        </Text>
      )}
      {shown && shown.rows.length === 0 && <EmptyState icon='📋' title='没有符合条件的受理记录' description='换一天或调整筛选条件再看看。' />}
      {shown?.rows.map((row) => <Row key={row.id} row={row} />)}
    </View>
  )
}

function Row({ row }: { row: RegisterRow }) {
  return (
    <View
      className='register-row'
      {...a11y('button', `${row.no} ${row.ownerName}`)}
      onClick={() => void Taro.navigateTo({ url: `/staff/task/index?id=${encodeURIComponent(row.id)}` })}
    >
      <View className='register-row__head'>
        <Text className='register-row__time'>{formatClock(row.createdAt)}</Text>
        <Text className='register-row__no'>{row.no}</Text>
        <Text className={cx('register-row__channel', `register-row__channel--${row.channel}`)}>{CHANNEL_NAMES[row.channel]}</Text>
        <Text className='register-row__state'>{row.stateLabel}</Text>
      </View>
      <Text className='register-row__owner'>{`${row.ownerName} ${row.ownerPhone} · ${row.place}`}</Text>
      <Text className='register-row__what'>{`${row.kindName}·${row.what}：${row.description || '—'}`}</Text>
      <Text className='register-row__handler'>
        {`处理人 ${row.handlerName ?? '待派单'}${row.registeredByName ? ` · ${row.registeredByName}代客登记` : ''}`}
      </Text>
    </View>
  )
}
