import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import { formatClock, formatFull } from '@/utils/time'
import TicketDetailPage from '@/pages/ticket/detail'
import { $, hideToasts, modalButton, sentInputs, shownToast } from '../helpers'
import { OWNER, PLUMBER, startPageStack, stopPageStack, submitComplaint, ticketAt, type TestStack } from '../stack'
import { currentRoute, resetRoute, setRouterParams } from '../taro-page'


describe('ticket detail page (owner) on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    setDevIdentity(OWNER)
    hideToasts()
    resetRoute()
  })
  afterEach(() => jest.restoreAllMocks())

  /** The ticket as 林先生 gets it from the server now. */
  const serverTicket = async (ticketId: string) => (await s.must(OWNER)('ticket.get', { ticketId })).ticket
  const shownState = (container: HTMLElement) => container.querySelector('.ticket-state')?.textContent

  it('shows state, number, technician and the timeline newest first', async () => {
    const t = await ticketAt(s, 'in_progress')
    setRouterParams({ id: t.id })
    const { container } = render(<TicketDetailPage />)

    expect(await screen.findByText(t.no)).toBeTruthy()
    expect(shownState(container)).toBe('维修中')
    expect(container.querySelector('.ticket-place')?.textContent).toBe('1栋1单元1201')
    expect(container.querySelector('.ticket-description')?.textContent).toBe('厨房水龙头漏水，关不紧')
    expect(container.querySelector('.assignee-card')?.textContent).toContain('王师傅')
    expect(container.querySelector('.assignee-card')?.textContent).toContain('13900000004')
    expect(Array.from(container.querySelectorAll('.timeline-item__event')).map((e) => e.textContent)).toEqual([
      '开始维修',
      '到场',
      '接单',
      '派单',
      '提交报修',
    ])
    // While the technician works the owner has nothing to do: no action is offered.
    expect(screen.queryByText('同意报价')).toBeNull()
    expect(screen.queryByText('取消报修')).toBeNull()
    expect(screen.queryByText('提交评价')).toBeNull()
  })

  it('confirms a quote: the work starts on the server and the page shows it', async () => {
    const t = await ticketAt(s, 'awaiting_confirmation')
    setRouterParams({ id: t.id })
    const { container } = render(<TicketDetailPage />)

    expect((await screen.findByText('¥30.00', { selector: '.quote-card__total-value' })).textContent).toBe('¥30.00')
    expect(shownState(container)).toBe('待确认报价')
    fireEvent.click(screen.getByText('同意报价'))

    await waitFor(() => expect(shownState(container)).toBe('维修中'))
    expect(screen.getByText('您已同意报价')).toBeTruthy()
    expect(screen.queryByText('同意报价')).toBeNull()
    expect(shownToast()).toBe('操作成功')
    const after = await serverTicket(t.id)
    expect(after.state).toBe('in_progress')
    expect(after.quote?.decision).toBe('accepted')
  })

  it('declines a quote only after confirming in the dialog, which cancels the repair', async () => {
    const t = await ticketAt(s, 'awaiting_confirmation')
    setRouterParams({ id: t.id })
    const { container } = render(<TicketDetailPage />)

    fireEvent.click(await screen.findByText('不同意', { selector: '.quote-decline .app-button__text' }))
    fireEvent.click(await waitFor(() => modalButton('再想想')))
    expect(shownState(container)).toBe('待确认报价')
    expect((await serverTicket(t.id)).state).toBe('awaiting_confirmation')

    fireEvent.click(screen.getByText('不同意', { selector: '.quote-decline .app-button__text' }))
    fireEvent.click(await waitFor(() => modalButton('不同意')))

    await waitFor(() => expect(shownState(container)).toBe('已取消'))
    expect(screen.queryByText('同意报价')).toBeNull()
    const after = await serverTicket(t.id)
    expect(after.state).toBe('cancelled')
    expect(after.quote?.decision).toBe('declined')
  })

  it('rates the callback with both scores, then shows the rating and the ticket is closed', async () => {
    const t = await ticketAt(s, 'callback_pending')
    setRouterParams({ id: t.id })
    const { container } = render(<TicketDetailPage />)

    await screen.findByText('回访评价')
    expect(screen.getByText(/2星及以下/)).toBeTruthy()
    fireEvent.click(screen.getByText('提交评价'))
    expect(screen.getByText('请为处理结果和服务态度分别打分')).toBeTruthy()

    fireEvent.click(screen.getByRole('radio', { name: '处理结果满意度 5星' }))
    fireEvent.click(screen.getByRole('radio', { name: '服务态度满意度 4星' }))
    fireEvent.click(screen.getByText('提交评价'))

    expect(await screen.findByText('我的评价')).toBeTruthy()
    expect(screen.queryByText('提交评价')).toBeNull()
    expect(shownState(container)).toBe('已完成')
    const after = await serverTicket(t.id)
    expect(after.state).toBe('closed')
    expect(after.rating).toMatchObject({ handling: 5, staff: 4, comment: '' })
  })

  it('cancels with a reason', async () => {
    const t = await ticketAt(s, 'dispatched')
    setRouterParams({ id: t.id })
    const { container } = render(<TicketDetailPage />)

    fireEvent.click(await screen.findByText('取消报修', { selector: '.app-button__text' }))
    fireEvent.click(screen.getByText('确认取消'))
    expect(screen.getByText('请选择或填写取消原因')).toBeTruthy()
    fireEvent.click(screen.getByText('重复提交'))
    fireEvent.click(screen.getByText('确认取消'))

    await waitFor(() => expect(shownState(container)).toBe('已取消'))
    expect(screen.queryByText('取消报修', { selector: '.app-button__text' })).toBeNull()
    const after = await serverTicket(t.id)
    expect(after.state).toBe('cancelled')
    expect(after.cancelReason).toBe('重复提交')
  })

  it('shows a failed action inline and reloads the ticket as it is now', async () => {
    const t = await ticketAt(s, 'awaiting_confirmation')
    setRouterParams({ id: t.id })
    const { container } = render(<TicketDetailPage />)
    await screen.findByText('同意报价')
    // He already agreed on another device (e.g. from the WeChat message) while this page was open.
    await s.must(OWNER)('repair.confirmQuote', { ticketId: t.id, accept: true })

    fireEvent.click(screen.getByText('同意报价'))

    await waitFor(() => expect(container.querySelector('.error-notice')?.textContent).toBe('工单当前状态不能进行此操作'))
    expect(shownToast()).toBe('工单当前状态不能进行此操作')
    // Reloaded: the page now shows the ticket the other device moved on.
    await waitFor(() => expect(shownState(container)).toBe('维修中'))
    expect(screen.queryByText('同意报价')).toBeNull()
    expect(screen.getByText('您已同意报价')).toBeTruthy()
  })
  it('shows the promise in plain words and urges: the handler is told, then 催办 waits until the next allowed time', async () => {
    const t = await ticketAt(s, 'dispatched', { description: '热水器不出热水' })
    setRouterParams({ id: t.id })
    const { container } = render(<TicketDetailPage />)

    await screen.findByText(t.no)
    expect(t.promise).not.toBeNull()
    expect(container.querySelector('.ticket-promise')?.textContent).toBe(t.promise)
    const urge = $(container, '.ticket-urge')
    expect(urge.getAttribute('aria-disabled')).toBe('false')
    s.stack.emulator.clearMessages()
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real

    fireEvent.click(screen.getByText('催办'))

    await waitFor(() => expect(shownToast()).toBe('已为您催办，处理人员会尽快处理'))
    const after = await serverTicket(t.id)
    expect(after.timeline.filter((e) => e.event === 'urge').map((e) => e.eventLabel)).toEqual(['业主催办'])
    // Once per 30 minutes: the next time is the server's, said as a clock time.
    expect(after.urgeAvailableAt).toBeGreaterThan(Date.now() + 29 * 60_000)
    await waitFor(() => expect(container.querySelector('.urge-next')?.textContent).toBe(`已催办，可在 ${formatClock(after.urgeAvailableAt!)} 后再次催办`))
    expect($(container, '.ticket-urge').getAttribute('aria-disabled')).toBe('true')
    // The technician it was dispatched to is told.
    expect(s.stack.emulator.messages().filter((m) => m.touser === PLUMBER).map((m) => m.templateId)).toContain('local-task_urged')

    // A second tap within the 30 minutes sends nothing.
    fireEvent.click(screen.getByText('催办'))
    fireEvent.click(screen.getByText('催办'))
    expect(sentInputs('ticket.urge', sent)).toHaveLength(1)
    expect((await serverTicket(t.id)).timeline.filter((e) => e.event === 'urge')).toHaveLength(1)
  })

  it('shows the server\'s "too soon" when he already urged elsewhere, and then when he can again', async () => {
    const t = await ticketAt(s, 'accepted', { description: '卧室插座没电' })
    setRouterParams({ id: t.id })
    const { container } = render(<TicketDetailPage />)
    await screen.findByText(t.no)
    expect($(container, '.ticket-urge').getAttribute('aria-disabled')).toBe('false')
    // He urged from another phone a moment ago.
    await s.must(OWNER)('ticket.urge', { ticketId: t.id })

    fireEvent.click(screen.getByText('催办'))

    await waitFor(() => expect(container.querySelector('.error-notice')?.textContent).toBe('您刚刚催办过，我们正在加紧处理，请稍后再催'))
    expect(shownToast()).toBe('您刚刚催办过，我们正在加紧处理，请稍后再催')
    // The page reloads the ticket as it is now: 催办 is off until the time the server says.
    await waitFor(() => expect(container.querySelector('.urge-next')?.textContent).toMatch(/^已催办，可在 \d\d:\d\d 后再次催办$/))
    await waitFor(() => expect(container.querySelector('.ticket-urge .app-button__spinner')).toBeNull())
    const now = await serverTicket(t.id)
    expect(container.querySelector('.urge-next')?.textContent).toBe(`已催办，可在 ${formatClock(now.urgeAvailableAt!)} 后再次催办`)
    expect($(container, '.ticket-urge').getAttribute('aria-disabled')).toBe('true')
    expect(now.timeline.filter((e) => e.event === 'urge')).toHaveLength(1)
  })

  it('offers no 催办 once the work is done', async () => {
    const t = await ticketAt(s, 'callback_pending')
    setRouterParams({ id: t.id })
    const { container } = render(<TicketDetailPage />)
    await screen.findByText('回访评价')
    expect(container.querySelector('.ticket-urge')).toBeNull()
    expect(t.urgeAvailableAt).toBeNull()
  })

  it('shows a complaint in its own words and withdraws it with a reason', async () => {
    const c = await submitComplaint(s, { description: '垃圾桶满了没人清理，气味很大' })
    setRouterParams({ id: c.id })
    const { container } = render(<TicketDetailPage />)

    await screen.findByText(c.no)
    expect(container.querySelector('.ticket-header__area')?.textContent).toBe('业主投诉')
    expect(container.querySelector('.handler-section .card__title')?.textContent).toBe('客服管家')
    expect(container.querySelector('.complaint-category-name')?.textContent).toBe('环境卫生')
    expect(container.querySelector('.complaint-about-staff')?.textContent).toBe('未填写')
    expect(container.querySelector('.complaint-reply-by')?.textContent).toBe(`${formatFull(c.complaint!.replyBy!)} 前`)
    expect(container.querySelector('.content-section .card__title')?.textContent).toBe('投诉内容')
    expect(container.querySelector('.ticket-appointment')).toBeNull() // nobody comes to the door for a complaint
    expect(screen.queryByText('取消报修')).toBeNull()

    fireEvent.click(screen.getByText('撤销投诉', { selector: '.app-button__text' }))
    expect(screen.getByText('请告诉我们撤销的原因')).toBeTruthy()
    fireEvent.click(screen.getByText('确认撤销'))
    expect(screen.getByText('请选择或填写撤销原因')).toBeTruthy()
    fireEvent.click(screen.getByText('问题已经解决'))
    fireEvent.click(screen.getByText('确认撤销'))

    await waitFor(() => expect(shownState(container)).toBe('已撤销'))
    expect(screen.queryByText('撤销投诉', { selector: '.app-button__text' })).toBeNull()
    expect(container.querySelector('.ticket-urge')).toBeNull()
    expect(container.textContent).toContain('撤销原因')
    const after = await serverTicket(c.id)
    expect(after.state).toBe('cancelled')
    expect(after.cancelReason).toBe('问题已经解决')
  })

  it('after the callback offers a complaint about the handler, and the complaint links back to the ticket', async () => {
    const t = await ticketAt(s, 'closed', { description: '洗手盆下水慢' })
    setRouterParams({ id: t.id })
    const first = render(<TicketDetailPage />)

    await screen.findByText('我的评价')
    fireEvent.click($(first.container, '.rating-result-section .complain-handler-link'))
    expect(currentRoute()).toBe(`/pages/complaint/new?aboutTicketId=${t.id}&staff=${encodeURIComponent('王师傅')}`)
    first.unmount()

    const c = await submitComplaint(s, { category: 'service', description: '师傅态度不好', aboutTicketId: t.id })
    setRouterParams({ id: c.id })
    resetRoute()
    const { container } = render(<TicketDetailPage />)
    await screen.findByText(c.no)
    expect(container.querySelector('.complaint-about-staff')?.textContent).toBe('王师傅')
    expect(container.querySelector('.complaint-linked-ticket')?.textContent).toBe(`${t.no} ›`)
    fireEvent.click($(container, '.complaint-linked-ticket'))
    expect(currentRoute()).toBe(`/pages/ticket/detail?id=${t.id}`)
  })

  it('offers the complaint link in the rating form too, and a low rating reads as going back to the handler', async () => {
    const t = await ticketAt(s, 'callback_pending')
    setRouterParams({ id: t.id })
    const { container } = render(<TicketDetailPage />)

    await screen.findByText('回访评价')
    expect(container.querySelector('.rating-section .complain-handler-link')?.textContent).toContain('对处理人员不满意？投诉处理人员')
    expect(container.querySelector('.rating-section')?.textContent).toContain('工单将退回维修师傅继续处理')
    fireEvent.click(screen.getByRole('radio', { name: '处理结果满意度 1星' }))
    fireEvent.click(screen.getByRole('radio', { name: '服务态度满意度 3星' }))
    fireEvent.click(screen.getByText('提交评价'))

    await waitFor(() => expect(shownState(container)).toBe('返修中'))
    expect(container.querySelector('.reopened-section .card__title')?.textContent).toBe('返修处理中')
    expect(container.querySelector('.reopened-section')?.textContent).toContain(
      '感谢您的反馈。您的报修已退回王师傅继续处理，师傅会尽快与您联系；处理完成后会再次请您评价。',
    )
    // Back in the handler's hands: he may chase it again.
    expect(container.querySelector('.ticket-urge')).not.toBeNull()
  })
})
