import { Text, View } from '@tarojs/components'
import type { KpiReportEntry } from '@/core/contract/kpi-actions'
import { a11y } from '@/utils/a11y'
import { formatFull } from '@/utils/time'
import './report-list.css'

/** '2025-10' → '2025年10月'. */
export const monthName = (month: string): string => {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** The kept monthly reports (月度统计, made on the 1st), newest first; each opens its report. */
export default function ReportList({ reports, onOpen }: { reports: readonly KpiReportEntry[]; onOpen: (month: string) => void }) {
  if (reports.length === 0) return <Text className='kpi-reports__none'>还没有月度报告：每月1日生成上月的报告</Text>
  return (
    <View className='kpi-reports'>
      {reports.map((r) => (
        <View key={r.month} className='kpi-report-entry' {...a11y('link', `${monthName(r.month)}月度统计`)} onClick={() => onOpen(r.month)}>
          <View className='kpi-report-entry__body'>
            <Text className='kpi-report-entry__month'>{`${monthName(r.month)}月度统计`}</Text>
            <Text className='kpi-report-entry__meta'>{`工单 ${r.volume} 单 · 生成于 ${formatFull(r.generatedAt)}`}</Text>
          </View>
          <Text className='kpi-report-entry__arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}
