import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import StaffInboxPage from '@/staff/inbox/index'
import { hideToasts, shownToast } from '../helpers'
import { backdate, CARPENTER, FRONT_DESK, PLUMBER, startPageStack, stopPageStack, submitCard, submitComplaint, submitRepair, type TestStack } from '../stack'
import { currentRoute, resetRoute } from '../taro-page'

describe('staff inbox (staff/inbox/index) on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    resetRoute()
    hideToasts()
  })

  /** 接收新任务提醒 as read: each reminder and what is left of it. */
  const creditLines = (container: HTMLElement) =>
    Array.from(container.querySelectorAll('.subscription-credits__line')).map((l) => l.textContent)

  /** A staff member's reminder credits, as the server has them. */
  const creditsOf = async (openid: string): Promise<Record<string, number>> => {
    const { identity } = await s.must(openid)('session.whoami', {})
    if (identity.kind !== 'staff') throw new Error(`${openid} is not staff`)
    return identity.credits
  }

  it('lists the tab\'s tasks and opens one', async () => {
    // A new urgent leak is routed to 王师傅 (the only plumber); nobody here accepts for him.
    const leak = await submitRepair(s, { urgent: true, description: '主卧空调插座烧焦' })
    const todo = (await s.must(PLUMBER)('task.list', { tab: 'todo' })).tasks
    expect(todo.map((t) => t.id)).toContain(leak.id)
    setDevIdentity(PLUMBER)
    const { container } = render(<StaffInboxPage />)

    await waitFor(() => expect(container.querySelectorAll('.task-card')).toHaveLength(todo.length))
    const card = Array.from(container.querySelectorAll('.task-card')).find((c) => c.textContent?.includes('主卧空调插座烧焦'))!
    expect(card.textContent).toContain('急修')
    expect(card.textContent).toContain('1栋1单元1201')
    fireEvent.click(card)
    expect(currentRoute()).toBe(`/staff/task/index?id=${leak.id}`)

    fireEvent.click(screen.getByText('进行中'))
    expect(await screen.findByText('暂无进行中的任务')).toBeTruthy()
    expect(container.querySelectorAll('.task-card')).toHaveLength(0)
  })

  it('shows the remaining reminders of each template the role is asked for, and the server’s count after a top-up', async () => {
    // 赵师傅 gets no task in this file: his reminders are the seeded ones.
    const before = await creditsOf(CARPENTER)
    setDevIdentity(CARPENTER)
    const { container } = render(<StaffInboxPage />)

    expect(await screen.findByText('接收新任务提醒')).toBeTruthy()
    await waitFor(() =>
      expect(creditLines(container)).toEqual([
        `新任务提醒 剩余 ${before.task_assigned} 次`,
        `返修提醒 剩余 ${before.task_reopened} 次`,
        `工单取消通知 剩余 ${before.ticket_cancelled} 次`,
      ]),
    )
    fireEvent.click(screen.getByText('开启提醒'))

    await waitFor(() =>
      expect(creditLines(container)).toEqual([
        `新任务提醒 剩余 ${before.task_assigned + 1} 次`,
        `返修提醒 剩余 ${before.task_reopened + 1} 次`,
        `工单取消通知 剩余 ${before.ticket_cancelled + 1} 次`,
      ]),
    )
    expect(shownToast()).toBe('已开启提醒')
    // All three staff reminders were granted (H5 local mode accepts every template).
    expect(await creditsOf(CARPENTER)).toEqual({
      task_assigned: before.task_assigned + 1,
      task_reopened: before.task_reopened + 1,
      ticket_cancelled: before.ticket_cancelled + 1,
      // Not among the three asked on this tap:
      task_urged: before.task_urged,
      sla_reminder: before.sla_reminder,
      sla_escalation: before.sla_escalation,
      dispatch_help: before.dispatch_help,
      daily_digest: before.daily_digest,
    })
  })

  it('待协调: the engineering lead sees the tickets nobody could take, why, and who was asked; technicians have no such tab', async () => {
    await s.db.collection('staff').doc('s-tech-wang').update({ active: false })
    try {
      const waiting = await submitRepair(s, { description: '阳台地漏堵塞返水' })
      setDevIdentity('demo-lead-ma')
      const { container } = render(<StaffInboxPage />)
      fireEvent.click(await screen.findByText('待协调'))
      await waitFor(() => expect(container.querySelectorAll('.task-card')).toHaveLength(1))
      const card = container.querySelector('.task-card')!
      expect(card.textContent).toContain('阳台地漏堵塞返水')
      expect(card.querySelector('.ticket-card-item__help')?.textContent).toBe('待协调：没有可承接此类工作的人员，请安排接单（已通知马组长）')
      fireEvent.click(card)
      expect(currentRoute()).toBe(`/staff/task/index?id=${waiting.id}`)
    } finally {
      await s.db.collection('staff').doc('s-tech-wang').update({ active: true })
    }
  })

  it('a technician sees no 待协调 tab', async () => {
    setDevIdentity(CARPENTER)
    render(<StaffInboxPage />)
    await screen.findByText('接收新任务提醒')
    expect(screen.queryByText('待协调')).toBeNull()
  })

  it('the supervisor is asked for, and sees the count of, the pool’s asks (not new tasks)', async () => {
    const before = await creditsOf('demo-super-zhou')
    setDevIdentity('demo-super-zhou')
    const { container } = render(<StaffInboxPage />)
    await waitFor(() =>
      expect(creditLines(container)).toEqual([
        `待派单协调提醒 剩余 ${before.dispatch_help} 次`,
        `工单超时提醒 剩余 ${before.sla_escalation} 次`,
        `每日工作提醒 剩余 ${before.daily_digest} 次`,
      ]),
    )
    fireEvent.click(screen.getByText('开启提醒'))
    await waitFor(() => expect(creditLines(container)[0]).toBe(`待派单协调提醒 剩余 ${before.dispatch_help + 1} 次`))
    const after = await creditsOf('demo-super-zhou')
    expect([after.dispatch_help, after.sla_escalation, after.daily_digest, after.task_assigned]).toEqual([
      before.dispatch_help + 1,
      before.sla_escalation + 1,
      before.daily_digest + 1,
      before.task_assigned,
    ])
  })

  it.each([
    ['张管家', 'demo-keeper-zhang', 'complaint', '投诉', '环境卫生'],
    ['陈前台', FRONT_DESK, 'card', 'IC卡', '门禁卡/业主卡·挂失'],
  ] as const)('lists %s\'s %s tasks by kind and opens them on the staff task page', async (_name, openid, kind, kindName, categoryName) => {
    const t =
      kind === 'complaint'
        ? await submitComplaint(s, { description: '2栋门口垃圾桶满了没人清' })
        : await submitCard(s, { type: 'access', action: 'lost', note: '钥匙串连卡一起丢了' })
    const todo = (await s.must(openid)('task.list', { tab: 'todo' })).tasks
    expect(todo.map((x) => x.id)).toContain(t.id)
    setDevIdentity(openid)
    const { container } = render(<StaffInboxPage />)

    await waitFor(() => expect(container.querySelectorAll('.task-card')).toHaveLength(todo.length))
    const card = Array.from(container.querySelectorAll('.task-card')).find((c) => c.textContent?.includes(t.description))!
    expect(card.querySelector(`.kind-badge--${kind}`)?.textContent).toBe(kindName)
    expect(card.querySelector('.ticket-card-item__title')?.textContent).toBe(categoryName)
    expect(card.textContent).toContain('1栋1单元1201')
    expect(card.textContent).not.toContain('急修')
    fireEvent.click(card)
    expect(currentRoute()).toBe(`/staff/task/index?id=${t.id}`)
  })

  it('counts each task’s running clock down live, one timer for the list: 剩余, then 即将超时 under 20% left, then 已超时', async () => {
    await submitRepair(s, { description: '书房插座没电' })
    const near = await submitRepair(s, { description: '阳台水管滴水' })
    // 13 of its 15 minutes to be on site are gone: under a fifth left.
    await backdate(s, near.id, 13 * 60_000)
    setDevIdentity(PLUMBER)
    // Only the list's interval is faked: the stack's calls and Taro's timeouts run for real.
    jest.useFakeTimers({
      doNotFake: ['Date', 'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout'],
    })
    const realNow = Date.now.bind(Date)
    try {
      const { container } = render(<StaffInboxPage />)
      const countdownOf = (description: string) => {
        const card = Array.from(container.querySelectorAll('.task-card')).find((c) => c.textContent?.includes(description))
        const countdown = card?.querySelector('.task-countdown')
        return countdown && { text: countdown.querySelector('.task-countdown__text')?.textContent, tone: countdown.className.replace(/.*task-countdown--/, ''), tag: countdown.querySelector('.task-countdown__tag')?.textContent ?? null }
      }
      await waitFor(() => expect(countdownOf('书房插座没电')).toEqual({ text: '到场时限 · 剩余 15 分钟', tone: 'ok', tag: null }))
      expect(countdownOf('阳台水管滴水')).toEqual({ text: '到场时限 · 剩余 2 分钟', tone: 'soon', tag: '即将超时' })

      // The list's timer is set by an effect after the render: wait for it before moving time on.
      await waitFor(() => expect(jest.getTimerCount()).toBeGreaterThan(0))
      // Three minutes later, without a reload: the next tick of the list's one timer redraws both.
      jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 3 * 60_000)
      act(() => {
        jest.advanceTimersByTime(15_000)
      })
      expect(countdownOf('书房插座没电')).toEqual({ text: '到场时限 · 剩余 12 分钟', tone: 'ok', tag: null })
      expect(countdownOf('阳台水管滴水')).toEqual({ text: '到场时限 · 已超时 1 分钟', tone: 'late', tag: null })
      expect(jest.getTimerCount()).toBe(1)
    } finally {
      jest.restoreAllMocks()
      jest.useRealTimers()
    }
  })
})
