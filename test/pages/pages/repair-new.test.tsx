import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import { listPending, removePending } from '@/services/pending-submissions'
import { chinaDayStart, DAY_MS, HOUR_MS } from '@/utils/time'
import RepairNewPage from '@/pages/repair/new'
import { $, hideToasts, openedTicketId, sentInputs, shownToast, typeInto } from '../helpers'
import { GUEST, OWNER, PLUMBER, startPageStack, stopPageStack, unreachableHost, type TestStack } from '../stack'
import { currentRoute, resetRoute } from '../taro-page'




describe('repair form (pages/repair/new) on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    setDevIdentity(OWNER)
    resetRoute()
    hideToasts()
  })
  afterEach(() => jest.restoreAllMocks())

  /** 林先生's tickets with this description, as the server lists them. */
  const ticketsDescribed = async (description: string) =>
    (await s.must(OWNER)('ticket.list', {})).tickets.filter((t) => t.description === description)

  const fill = async (container: HTMLElement, description: string) => {
    fireEvent.click(await screen.findByText('水电'))
    typeInto($(container, '.repair-description .field-textarea__input'), description)
  }

  it('submits the repair, opens the new ticket, and the server has it routed with his reminders', async () => {
    const { container } = render(<RepairNewPage />)

    await fill(container, '厨房水龙头漏水')
    expect(container.querySelector('.field-textarea__counter')?.textContent).toBe('7/500')
    fireEvent.click(screen.getByText('提交报修'))

    const id = await openedTicketId()
    expect((await ticketsDescribed('厨房水龙头漏水')).map((t) => t.id)).toEqual([id])
    const { ticket } = await s.must(OWNER)('ticket.get', { ticketId: id })
    expect(ticket).toMatchObject({
      category: 'plumbing_electric',
      area: 'home',
      place: '1栋1单元1201', // his first unit, preselected
      urgent: false,
      appointment: null,
      photos: [],
      state: 'dispatched',
      assignee: null, // named to the owner once accepted
    })
    // Routed to the plumber within the submit call.
    expect((await s.must(PLUMBER)('ticket.get', { ticketId: id })).ticket.assignee).toMatchObject({ name: '王师傅' })

    // H5 local mode counts the three owner reminders as accepted: he is told when work is accepted.
    s.stack.emulator.clearMessages()
    await s.must(PLUMBER)('task.accept', { ticketId: id })
    expect(s.stack.emulator.messages().filter((m) => m.touser === OWNER).map((m) => m.templateId)).toEqual(['local-order_accepted'])
  })

  it('shows the price list of a paid category before submitting', async () => {
    const { container } = render(<RepairNewPage />)

    fireEvent.click(await screen.findByText('管道疏通'))
    expect(screen.getByText('维修价目表')).toBeTruthy()
    expect(container.querySelector('.price-list')?.textContent).toContain('¥80.00/次')
    expect(container.querySelector('.price-list__note')?.textContent).toContain('确认同意后才开始施工')

    fireEvent.click(screen.getByText('公共设施'))
    expect(screen.queryByText('维修价目表')).toBeNull()

    // 家政服务 is priced with the team lead on site (004 三), not quoted by a technician.
    fireEvent.click(screen.getByText('家政保洁'))
    expect(screen.getByText('服务价目表')).toBeTruthy()
    expect(container.querySelector('.price-list')?.textContent).toContain('¥40.00/小时')
    expect(container.querySelector('.price-list__note')?.textContent).toBe('以上为参考价格，组长与管家上门与您商定价格，经您确认同意后再安排服务。')
  })

  it('sends an urgent public-area repair with a booked slot in China time', async () => {
    const { container } = render(<RepairNewPage />)

    await fill(container, '楼道灯不亮')
    fireEvent.click(screen.getByText('公共区域'))
    fireEvent.click(screen.getByRole('switch', { name: '急修' }))
    fireEvent.click(screen.getByText('预约时间'))
    fireEvent.click(screen.getByText('明天'))
    fireEvent.click(screen.getByText('上午'))
    fireEvent.click(screen.getByText('提交报修'))

    const id = await openedTicketId()
    const tomorrow = chinaDayStart(Date.now()) + DAY_MS
    const { ticket } = await s.must(OWNER)('ticket.get', { ticketId: id })
    expect(ticket).toMatchObject({
      area: 'public',
      place: '公共区域·1栋',
      urgent: true,
      description: '楼道灯不亮',
      appointment: { start: tomorrow + 9 * HOUR_MS, end: tomorrow + 12 * HOUR_MS },
    })
  })

  it('refuses an incomplete form without calling the server', async () => {
    const before = (await s.must(OWNER)('ticket.list', {})).tickets.length
    const { container } = render(<RepairNewPage />)
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real

    fireEvent.click(await screen.findByText('提交报修'))
    expect($(container, '.error-notice').textContent).toBe('请选择报修类别')
    expect(shownToast()).toBe('请选择报修类别')
    fireEvent.click(screen.getByText('水电'))
    fireEvent.click(screen.getByText('提交报修'))
    expect($(container, '.error-notice').textContent).toBe('请描述需要维修的问题')
    expect(shownToast()).toBe('请描述需要维修的问题')

    expect(sentInputs('repair.submit', sent)).toEqual([])
    expect((await s.must(OWNER)('ticket.list', {})).tickets).toHaveLength(before)
    expect(currentRoute()).toBe('')
  })

  it('shows the server\'s message when submitting fails, and lets him try again', async () => {
    const { container } = render(<RepairNewPage />)
    await fill(container, '卫生间插座没电')
    // Meanwhile the demo identity was switched to someone bound to no unit (another tab).
    setDevIdentity(GUEST)
    fireEvent.click(screen.getByText('提交报修'))

    await waitFor(() => expect(container.querySelector('.error-notice')?.textContent).toBe('您还没有绑定房屋，请先完成房屋绑定'))
    expect(shownToast()).toBe('您还没有绑定房屋，请先完成房屋绑定')
    expect(currentRoute()).toBe('')
    expect(await ticketsDescribed('卫生间插座没电')).toEqual([])

    setDevIdentity(OWNER)
    fireEvent.click(screen.getByText('提交报修'))
    const id = await openedTicketId()
    expect((await ticketsDescribed('卫生间插座没电')).map((t) => t.id)).toEqual([id])
  })

  it('keeps the repair on the phone when the stack cannot be reached and takes him to 我的工单', async () => {
    const { container } = render(<RepairNewPage />)
    await fill(container, '阳台地漏反水')
    process.env.FUNCTION_HOST = await unreachableHost()
    fireEvent.click(screen.getByText('提交报修'))

    // Sending it later is test/pages/pages/offline-submission.test.tsx.
    await waitFor(() => expect(container.querySelector('.error-notice')?.textContent).toBe('网络不佳，已保存，网络恢复后将自动提交'))
    expect(currentRoute()).toBe('/pages/tickets/index')
    expect(listPending().map((e) => e.summary)).toEqual(['水电 · 阳台地漏反水'])
    process.env.FUNCTION_HOST = s.stack.url
    expect(await ticketsDescribed('阳台地漏反水')).toEqual([])
    listPending().forEach((e) => removePending(e.requestId))
  })

  it('ignores a double tap: one request, one ticket', async () => {
    const { container } = render(<RepairNewPage />)
    await fill(container, '客厅开关冒火花')
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real

    fireEvent.click(screen.getByText('提交报修'))
    fireEvent.click(screen.getByText('提交报修'))

    const id = await openedTicketId()
    // Both taps happened before any reply: a second request would have been sent by now.
    expect(sentInputs('repair.submit', sent)).toHaveLength(1)
    expect((await ticketsDescribed('客厅开关冒火花')).map((t) => t.id)).toEqual([id])
  })

  it('explains binding to someone without a unit', async () => {
    setDevIdentity(GUEST)
    render(<RepairNewPage />)
    expect(await screen.findByText('请先绑定房屋')).toBeTruthy()
    expect(screen.getByText(/^报修需先绑定您的房屋/)).toBeTruthy()
    expect(screen.queryByText('提交报修')).toBeNull()
  })
})
