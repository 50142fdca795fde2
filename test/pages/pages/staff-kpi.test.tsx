import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { DEFAULT_POLICY } from '@/core/sla/policy'
import { formatLocal } from '@/core/sla/time'
import { defaultDeps } from '@/server/deps'
import { generateMonthlyReport } from '@/server/usecases/kpi-report'
import { setDevIdentity } from '@/services/dev-identity'
import KpiDashboardPage from '@/staff/kpi/index'
import KpiReportPage from '@/staff/kpi/report'
import KpiTicketsPage from '@/staff/kpi/tickets'
import StaffInboxPage from '@/staff/inbox/index'
import type { TicketView } from '@/core/contract/views'
import { $, sentInputs } from '../helpers'
import { backdate, MANAGER, PLUMBER, startPageStack, stopPageStack, SUPERVISOR, ticketAt, type TestStack } from '../stack'
import { currentRoute, resetRoute, setRouterParams } from '../taro-page'


const tile = (container: HTMLElement, key: string) => $(container, `.kpi-tile--${key}`) as HTMLElement
const tileText = (container: HTMLElement, key: string) => {
  const t = tile(container, key)
  return [t.querySelector('.kpi-tile__value')?.textContent, t.querySelector('.kpi-tile__sub')?.textContent, t.querySelector('.kpi-tile__target')?.textContent ?? null]
}
const missed = (el: Element) => el.classList.contains('kpi-tile--miss') && el.querySelector('.kpi-tile__miss')?.textContent === '未达标'
const thisMonth = () => formatLocal(Date.now(), DEFAULT_POLICY.utcOffsetMinutes, 'YYYY-MM')
const daysAgo = (n: number) => formatLocal(Date.now() - n * 86_400_000, DEFAULT_POLICY.utcOffsetMinutes, 'YYYY-MM-DD')
const rangeLine = (container: HTMLElement) => container.querySelector('.kpi-dashboard__range')?.textContent

/** Picks a day in 开始日期 or 结束日期, as the platform's date sheet reports it: a `change` with 'YYYY-MM-DD'. */
const pickDay = (container: HTMLElement, which: 'from' | 'to', day: string) => {
  const picker = container.querySelector(`taro-picker-core.kpi-custom-range__${which}`) ?? $(container, `.kpi-custom-range__${which} taro-picker-core`)
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: day }, bubbles: true }))
  })
}

/**
 * 统计报表 on the local stack, from work done through the real functions: 林先生's tap fixed and
 * rated 5 stars (closed), and a leak nobody came to within 15 minutes (the sweep escalated its
 * on-site clock). The figures shown are the server's, read from its daily rollup.
 */
describe('统计报表 (staff/kpi) on the local stack', () => {
  let s: TestStack
  let fixed: TicketView
  let late: TicketView
  beforeAll(async () => {
    s = await startPageStack()
    fixed = await ticketAt(s, 'closed', { description: '厨房水龙头漏水，关不紧' })
    late = await ticketAt(s, 'dispatched', { description: '卫生间漏水' })
    // Twenty minutes ago: its on-site clock (15 minutes) ran out; the sweep escalates it.
    await backdate(s, late.id, 20 * 60_000)
    expect(await s.post('sweep', { Type: 'Timer', TriggerName: 'everyMinute', Time: new Date().toISOString(), Message: '' })).toMatchObject({ ok: true })
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    setDevIdentity(SUPERVISOR)
    resetRoute()
  })

  it('shows the month’s figures against the targets, marking a miss in words', async () => {
    const { container } = render(<KpiDashboardPage />)
    await waitFor(() => expect(tileText(container, 'volume')).toEqual(['2', '业主请求 2', null]))
    // One of two finished; the finished one was rated by its owner (a real callback), 5 stars.
    expect(tileText(container, 'completion')).toEqual(['50.0%', '1/2', null])
    expect(tileText(container, 'callback')).toEqual(['100.0%', '1/1', '目标 100%'])
    expect(tileText(container, 'handling')).toEqual(['100.0%', '1/1', null])
    // Both were dispatched at once; the leak's technician never arrived in time.
    expect(tileText(container, 'dispatch')).toEqual(['100.0%', '2/2', '目标 100%'])
    expect(tileText(container, 'onSite')).toEqual(['50.0%', '1/2', '目标 100%'])
    expect(missed(tile(container, 'onSite'))).toBe(true)
    expect(missed(tile(container, 'callback'))).toBe(false)
    // Nothing was reopened or complained about; no IC card: no base, shown as —, never as 0%.
    expect(tileText(container, 'reopen')).toEqual(['0.0%', '返修 0 次', null])
    expect(tileText(container, 'aboutStaff')).toEqual(['0', '投诉共 0 件', null])
    expect(tileText(container, 'card')).toEqual(['—', '0 单 · 平均', '目标 10分钟'])
    expect(missed(tile(container, 'card'))).toBe(false)
    // Every clock that ran, with its count.
    expect(Array.from(container.querySelectorAll('.kpi-clock__name')).map((e) => e.textContent)).toEqual(['派单及时率', '到场及时率', '返单及时率', '回访及时率'])
    expect($(container, '.kpi-clock--onSite .kpi-clock__count').textContent).toBe('按时 1/2')
    expect($(container, '.kpi-duration--arrive .kpi-duration__avg').textContent).not.toBe('—')
  })

  it('draws the trend as bars and a line, with the same numbers as text', async () => {
    const { container } = render(<KpiDashboardPage />)
    const chart = await waitFor(() => $(container, '.kpi-trend svg.trend-chart__plot'))
    const bars = Array.from(chart.querySelectorAll('.trend-chart__bar')).map((b) => Number(b.getAttribute('height')))
    const counts = Array.from(container.querySelectorAll('.trend-chart__count')).map((c) => Number(c.textContent))
    // This month by week: one bar per week, the tickets in this week's.
    expect(bars.length).toBe(counts.length)
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2)
    expect(bars.filter((h) => h > 0)).toHaveLength(1)
    // 回访率 is the line: a point where a week had a callback due (100%), and the 100% target.
    expect(chart.querySelectorAll('.trend-chart__point')).toHaveLength(1)
    expect(chart.querySelector('.trend-chart__target')).not.toBeNull()
    expect(Array.from(container.querySelectorAll('.trend-chart__rate')).map((r) => r.textContent)).toContain('100.0%')
    // Another rate on the line: 到场及时率, 50% in this week.
    fireEvent.click(within($(container, '.kpi-trend__lines') as HTMLElement).getByText('到场及时率'))
    await waitFor(() => expect(Array.from(container.querySelectorAll('.trend-chart__rate')).map((r) => r.textContent)).toContain('50.0%'))
    expect(container.querySelector('.trend-chart__legend')?.textContent).toContain('到场及时率')
  })

  it('drills from a number to the tickets behind it, and from a ticket to its task page', async () => {
    const { container } = render(<KpiDashboardPage />)
    fireEvent.click(await waitFor(() => tile(container, 'onSite')))
    expect(currentRoute()).toBe('/staff/kpi/tickets?period=thisMonth&drill=late.onSite')

    setRouterParams({ period: 'thisMonth', drill: 'late.onSite' })
    const list = render(<KpiTicketsPage />)
    await waitFor(() => expect(list.container.querySelector('.kpi-tickets__title')?.textContent).toBe('到场超时的工单'))
    expect(list.container.querySelector('.kpi-tickets__total')?.textContent).toBe('本月 · 共 1 单')
    const rows = list.container.querySelectorAll('.kpi-ticket')
    expect(rows).toHaveLength(1)
    expect(rows[0].querySelector('.kpi-ticket__no')?.textContent).toBe(late.no)
    expect(rows[0].querySelector('.kpi-ticket__what')?.textContent).toBe('报修·水电 · 天利龙腾湾')
    expect(rows[0].querySelector('.kpi-ticket__who')?.textContent).toMatch(/ · 处理人 王师傅$/)
    expect(rows[0].querySelector('.kpi-ticket__note')?.textContent).toBe('到场超时')
    fireEvent.click(rows[0])
    expect(currentRoute()).toBe(`/staff/task/index?id=${late.id}`)
  })

  it('breaks the figures down by team and person; a person’s number opens their tickets', async () => {
    const { container } = render(<KpiDashboardPage />)
    const team = await waitFor(() => $(container, '.kpi-breakdown-card .kpi-group') as HTMLElement)
    expect(team.querySelector('.kpi-group__name')?.textContent).toBe('工程部')
    expect(team.querySelector('.kpi-group__volume')?.textContent).toBe('工单 2 ›')
    expect(team.querySelector('.kpi-metric--onSite')?.classList.contains('kpi-metric--miss')).toBe(true)

    fireEvent.click($(container, '.kpi-breakdown-card .tab-staff'))
    const wang = $(container, '.kpi-breakdown-card .kpi-group') as HTMLElement
    expect(wang.querySelector('.kpi-group__name')?.textContent).toBe('王师傅')
    fireEvent.click($(wang, '.kpi-metric--callback'))
    expect(currentRoute()).toMatch(/^\/staff\/kpi\/tickets\?period=thisMonth&staffId=[^&]+&drill=noCallback$/)
  })

  it('asks again for another period and for a filter, and keeps the filter when drilling', async () => {
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real
    try {
      const { container } = render(<KpiDashboardPage />)
      await waitFor(() => tile(container, 'volume'))
      fireEvent.click(screen.getByText('本周'))
      await waitFor(() => expect(sentInputs('kpi.dashboard', sent).at(-1)).toEqual({ period: 'thisWeek' }))
      fireEvent.click($(container, '.kpi-dashboard__filter-toggle'))
      fireEvent.click(within($(container, '.kpi-team') as HTMLElement).getByText('清洁部'))
      await waitFor(() => expect(sentInputs('kpi.dashboard', sent).at(-1)).toEqual({ period: 'thisWeek', team: 'cleaning' }))
      await waitFor(() => expect(tileText(container, 'volume')[0]).toBe('0'))
      expect(tileText(container, 'callback')).toEqual(['—', '0/0', '目标 100%'])
      expect(container.querySelector('.kpi-dashboard__filter-summary')?.textContent).toBe('筛选：清洁部')
      fireEvent.click(tile(container, 'volume'))
      expect(currentRoute()).toBe('/staff/kpi/tickets?period=thisWeek&team=cleaning&drill=volume')
    } finally {
      sent.mockRestore()
    }
  })

  it('asks for 自定义 days once both are set, starting from the days shown, and drills and exports with them', async () => {
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real
    try {
      const { container } = render(<KpiDashboardPage />)
      await waitFor(() => expect(tileText(container, 'volume')[0]).toBe('2'))
      const [monthStart, today] = [`${thisMonth()}-01`, daysAgo(0)]
      fireEvent.click(within($(container, '.kpi-period') as HTMLElement).getByText('自定义'))
      // The pickers start from the days this month showed; both are set, so it asks at once.
      expect($(container, '.kpi-custom-range__from .kpi-custom-range__value').textContent).toBe(monthStart)
      expect($(container, '.kpi-custom-range__to .kpi-custom-range__value').textContent).toBe(today)
      await waitFor(() => expect(sentInputs('kpi.dashboard', sent).at(-1)).toEqual({ period: 'custom', from: monthStart, to: today }))

      const from = daysAgo(40)
      pickDay(container, 'from', from)
      await waitFor(() => expect(sentInputs('kpi.dashboard', sent).at(-1)).toEqual({ period: 'custom', from, to: today }))
      await waitFor(() => expect(rangeLine(container)).toBe(`${from} 至 ${today} · 点数字查看工单`))
      expect(tileText(container, 'volume')[0]).toBe('2')

      fireEvent.click($(container, '.kpi-export-figures .csv-button__export'))
      await waitFor(() => expect(sentInputs('kpi.exportCsv', sent).at(-1)).toEqual({ period: 'custom', from, to: today, what: 'figures' }))

      fireEvent.click(tile(container, 'onSite'))
      expect(currentRoute()).toBe(`/staff/kpi/tickets?period=custom&from=${from}&to=${today}&drill=late.onSite`)
      setRouterParams({ period: 'custom', from, to: today, drill: 'late.onSite' })
      const list = render(<KpiTicketsPage />)
      await waitFor(() => expect(list.container.querySelector('.kpi-tickets__total')?.textContent).toBe(`${from} 至 ${today} · 共 1 单`))
      expect(sentInputs('kpi.tickets', sent).at(-1)).toEqual({ period: 'custom', from, to: today, drill: 'late.onSite' })
      expect(list.container.querySelector('.kpi-ticket__no')?.textContent).toBe(late.no)
    } finally {
      sent.mockRestore()
    }
  })

  it('shows the server’s refusal of a custom range longer than half a year', async () => {
    const { container } = render(<KpiDashboardPage />)
    await waitFor(() => tile(container, 'volume'))
    fireEvent.click(within($(container, '.kpi-period') as HTMLElement).getByText('自定义'))
    pickDay(container, 'from', daysAgo(200))
    await waitFor(() => expect(container.querySelector('.page-status--error .page-status__text')?.textContent).toBe('统计时段不正确：结束日期不能早于开始日期，且最长半年'))
    // No figures of another range stay on the screen.
    expect(container.querySelector('.kpi-tile--volume')).toBeNull()
    pickDay(container, 'from', daysAgo(10))
    await waitFor(() => expect(rangeLine(container)).toBe(`${daysAgo(10)} 至 ${daysAgo(0)} · 点数字查看工单`))
  })

  it('lists the kept monthly reports and opens one with its figures', async () => {
    await generateMonthlyReport(defaultDeps(), DEFAULT_POLICY, thisMonth())
    setDevIdentity(MANAGER)
    const { container } = render(<KpiDashboardPage />)
    const entry = await waitFor(() => $(container, '.kpi-report-entry') as HTMLElement)
    const [y, m] = thisMonth().split('-')
    expect(entry.querySelector('.kpi-report-entry__month')?.textContent).toBe(`${y}年${Number(m)}月月度统计`)
    expect(entry.querySelector('.kpi-report-entry__meta')?.textContent).toMatch(/^工单 2 单 · 生成于 /)
    fireEvent.click(entry)
    expect(currentRoute()).toBe(`/staff/kpi/report?month=${thisMonth()}`)

    setRouterParams({ month: thisMonth() })
    const report = render(<KpiReportPage />)
    await waitFor(() => expect(report.container.querySelector('.kpi-report__title')?.textContent).toBe(`${y}年${Number(m)}月月度统计`))
    expect(tileText(report.container, 'volume')[0]).toBe('2')
    expect(missed(tile(report.container, 'onSite'))).toBe(true)
    // A number of a report opens that month's tickets.
    fireEvent.click(tile(report.container, 'callback'))
    expect(currentRoute()).toMatch(new RegExp(`^/staff/kpi/tickets\\?period=custom&from=${thisMonth()}-01&to=${thisMonth()}-\\d{2}&drill=noCallback$`))
  })

  it('is reached from the supervisor’s inbox (统计报表), and a technician has no such entry', async () => {
    const inbox = render(<StaffInboxPage />)
    fireEvent.click(await waitFor(() => $(inbox.container, '.kpi-entry')))
    expect(currentRoute()).toBe('/staff/kpi/index')
    inbox.unmount()
    setDevIdentity(PLUMBER)
    const tech = render(<StaffInboxPage />)
    await waitFor(() => expect(tech.container.querySelector('.task-card')).not.toBeNull())
    expect(tech.container.querySelector('.kpi-entry')).toBeNull()
  })

  it('is the supervisor’s and the manager’s only', async () => {
    setDevIdentity(PLUMBER)
    render(<KpiDashboardPage />)
    expect(await screen.findByText('只有客服主任和项目负责人可以查看统计报表')).toBeTruthy()
    expect(fixed.state).toBe('closed')
  })
})
