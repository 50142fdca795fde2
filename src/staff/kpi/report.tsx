import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Card from '@/components/Card'
import PageStatus from '@/components/PageStatus'
import type { KpiDrill } from '@/core/kpi/drill'
import { useQuery } from '@/hooks/useAction'
import { call } from '@/services/rpc'
import { formatFull } from '@/utils/time'
import Breakdown from './Breakdown'
import ClockRates from './ClockRates'
import CsvButton from './CsvButton'
import Durations from './Durations'
import Headline from './Headline'
import { monthName } from './ReportList'
import { drillUrl, type KpiScopeInput } from './scope-query'
import './report.css'

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * One kept monthly report (月度统计): its figures as generated on the 1st, by team, person,
 * community and kind, and its CSV. A number opens the month's tickets as they are now.
 */
export default function KpiReportPage() {
  const { params } = useRouter()
  const month = params.month ?? ''
  const loaded = useQuery('kpi.report', { month }, month)

  if (!loaded.data) return <PageStatus loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} />
  const { report } = loaded.data
  const scope: KpiScopeInput = { period: 'custom', from: report.from, to: report.to }
  const drill = (d: KpiDrill) => go(drillUrl(scope, d))

  return (
    <View className='kpi-report'>
      <View className='kpi-report__head'>
        <Text className='kpi-report__title'>{`${monthName(report.month)}月度统计`}</Text>
        <Text className='kpi-report__meta'>{`${report.from} 至 ${report.to} · 生成于 ${formatFull(report.generatedAt)}`}</Text>
      </View>
      <Text className='kpi-report__hint'>点数字查看当月工单（按当前数据）</Text>
      <Headline figures={report.figures} onDrill={drill} />
      <Card title='各项时限及时率' className='kpi-clock-card'>
        <ClockRates figures={report.figures} onDrill={drill} />
      </Card>
      <Card title='处理用时' className='kpi-duration-card'>
        <Durations figures={report.figures} />
      </Card>
      <Card title='分项统计' className='kpi-breakdown-card'>
        <Breakdown by={report.by} onDrill={(group, d) => go(drillUrl({ ...scope, ...group }, d))} />
      </Card>
      <Card title='导出 CSV' className='kpi-export'>
        <CsvButton label='导出本月报告' className='kpi-export-report' load={() => call('kpi.reportCsv', { month: report.month })} />
      </Card>
    </View>
  )
}
