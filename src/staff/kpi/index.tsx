import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Card from '@/components/Card'
import ChipGroup from '@/components/ChipGroup'
import PageStatus from '@/components/PageStatus'
import TrendChart from '@/components/TrendChart'
import type { KpiDrill } from '@/core/kpi/drill'
import { KPI_PERIOD_LABELS, type KpiPeriod } from '@/core/kpi/labels'
import { KIND_NAMES, TICKET_KINDS } from '@/core/tickets/kinds'
import { TEAM_NAMES, TEAMS, type Team } from '@/core/tickets/actor'
import { useQuery } from '@/hooks/useAction'
import { call } from '@/services/rpc'
import { a11y } from '@/utils/a11y'
import Breakdown from './Breakdown'
import ClockRates from './ClockRates'
import CsvButton from './CsvButton'
import CustomRange, { type DayRangeInput } from './CustomRange'
import Durations from './Durations'
import Headline from './Headline'
import ReportList from './ReportList'
import { compactScope, drillUrl, type KpiScopeInput } from './scope-query'
import { TREND_LINES, type TrendLine } from './trend-lines'
import './index.css'

const PERIODS: KpiPeriod[] = ['thisWeek', 'thisMonth', 'lastMonth', 'last12Weeks', 'last6Months', 'custom']
const ALL = ''

type Filters = { community: string; kind: string; team: string }
const NO_FILTERS: Filters = { community: ALL, kind: ALL, team: ALL }

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * 统计报表 (supervisor, manager): the figures of a period against the standards' targets, the
 * trend by week or month, the breakdown by team, person, community and kind, CSV, and the kept
 * monthly reports. Every number opens the tickets behind it.
 */
export default function KpiDashboardPage() {
  const [period, setPeriod] = useState<KpiPeriod>('thisMonth')
  const [days, setDays] = useState<DayRangeInput>({})
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [filtersOpen, setFiltersOpen] = useState(false)
  const [line, setLine] = useState<TrendLine>('callback')
  const custom = period === 'custom'
  const scope = compactScope({
    period,
    from: custom ? days.from : undefined,
    to: custom ? days.to : undefined,
    community: filters.community || undefined,
    kind: (filters.kind || undefined) as KpiScopeInput['kind'],
    team: (filters.team || undefined) as KpiScopeInput['team'],
  })
  const key = JSON.stringify(scope)
  // A custom range is asked for once both of its days are picked.
  const complete = !custom || (!!days.from && !!days.to)
  const dashboard = useQuery('kpi.dashboard', scope, key, complete)
  // The scope the shown figures belong to: a change shows the loader, never the old numbers.
  const [dataKey, setDataKey] = useState<string | null>(null)
  useEffect(() => {
    if (dashboard.data) setDataKey(key)
  }, [dashboard.data])

  usePullDownRefresh(async () => {
    await dashboard.reload()
    Taro.stopPullDownRefresh()
  })

  const shown = dataKey === key ? dashboard.data : null
  // 自定义 starts from the days the dashboard last showed, so one picker is often enough.
  const choosePeriod = (p: KpiPeriod) => {
    if (p === 'custom' && !custom) setDays((d) => ({ from: shown?.from ?? d.from, to: shown?.to ?? d.to }))
    setPeriod(p)
  }
  const set = (k: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [k]: value }))
  const drill = (d: KpiDrill) => go(drillUrl(scope, d))
  const communities = shown?.communities ?? (filters.community ? [filters.community] : [])
  const filterSummary =
    [filters.community, filters.kind && KIND_NAMES[filters.kind as keyof typeof KIND_NAMES], filters.team && TEAM_NAMES[filters.team as Team]]
      .filter(Boolean)
      .join(' · ') || '全部小区、类型和班组'
  const trendLine = TREND_LINES.find((l) => l.key === line) ?? TREND_LINES[0]

  return (
    <View className='kpi-dashboard'>
      <View className='kpi-dashboard__filters'>
        <ChipGroup
          label='统计时段'
          options={PERIODS.map((p) => ({ value: p, label: KPI_PERIOD_LABELS[p] }))}
          value={period}
          onChange={choosePeriod}
          className='kpi-filter kpi-period'
        />
        {custom && <CustomRange value={days} onChange={setDays} />}
        <View className='kpi-dashboard__filter-toggle' {...a11y('button', `筛选：${filterSummary}`, { expanded: filtersOpen })} onClick={() => setFiltersOpen((o) => !o)}>
          <Text className='kpi-dashboard__filter-summary'>{`筛选：${filterSummary}`}</Text>
          <Text className='kpi-dashboard__filter-arrow'>{filtersOpen ? '收起 ▴' : '展开 ▾'}</Text>
        </View>
        {filtersOpen && (
          <View className='kpi-dashboard__filter-panel'>
            <ChipGroup
              label='小区'
              options={[{ value: ALL, label: '全部小区' }, ...communities.map((c) => ({ value: c, label: c }))]}
              value={filters.community}
              onChange={set('community')}
              className='kpi-filter kpi-community'
            />
            <ChipGroup
              label='类型'
              options={[{ value: ALL, label: '全部类型' }, ...TICKET_KINDS.map((k) => ({ value: k, label: KIND_NAMES[k] }))]}
              value={filters.kind}
              onChange={set('kind')}
              className='kpi-filter kpi-kind'
            />
            <ChipGroup
              label='班组'
              options={[{ value: ALL, label: '全部班组' }, ...TEAMS.map((t) => ({ value: t, label: TEAM_NAMES[t] }))]}
              value={filters.team}
              onChange={set('team')}
              className='kpi-filter kpi-team'
            />
          </View>
        )}
      </View>

      {!complete && <Text className='kpi-dashboard__hint'>请选择开始日期和结束日期</Text>}
      {complete && !shown && <PageStatus loading={dashboard.loading || !dashboard.error} error={dashboard.error} onRetry={dashboard.reload} />}
      {shown && (
        <View className='kpi-dashboard__body'>
          <Text className='kpi-dashboard__range'>{`${shown.from} 至 ${shown.to} · 点数字查看工单`}</Text>
          <Headline figures={shown.figures} onDrill={drill} />

          <Card title={`趋势（按${shown.unit === 'week' ? '周' : '月'}）`} className='kpi-trend'>
            <ChipGroup
              label='折线'
              options={TREND_LINES.map((l) => ({ value: l.key, label: l.label }))}
              value={line}
              onChange={setLine}
              className='kpi-filter kpi-trend__lines'
            />
            <TrendChart
              id='kpi-trend-chart'
              data={shown.trend.map((p) => ({ label: p.label, count: p.figures.volume, rate: trendLine.rate(p.figures).value }))}
              countName='工单量'
              rateName={trendLine.label}
              target={trendLine.rate(shown.figures).target}
            />
          </Card>

          <Card title='各项时限及时率' className='kpi-clock-card'>
            <ClockRates figures={shown.figures} onDrill={drill} />
          </Card>

          <Card title='处理用时' className='kpi-duration-card'>
            <Durations figures={shown.figures} />
          </Card>

          <Card title='分项统计' className='kpi-breakdown-card'>
            <Breakdown by={shown.by} onDrill={(group, d) => go(drillUrl({ ...scope, ...group }, d))} />
          </Card>

          <Card title='导出 CSV' className='kpi-export'>
            <View className='kpi-export__buttons'>
              <CsvButton label='导出工单明细' className='kpi-export-tickets' load={() => call('kpi.exportCsv', { ...scope, what: 'tickets' })} />
              <View className='kpi-export__gap' />
              <CsvButton label='导出统计数据' className='kpi-export-figures' load={() => call('kpi.exportCsv', { ...scope, what: 'figures' })} />
            </View>
            <Text className='kpi-export__hint'>UTF-8 编码，Excel 可直接打开</Text>
          </Card>

          <Card title='月度报告' className='kpi-report-card'>
            <ReportList reports={shown.reports} onOpen={(month) => go(`/staff/kpi/report?month=${month}`)} />
          </Card>
        </View>
      )}
    </View>
  )
}
