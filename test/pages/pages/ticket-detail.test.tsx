import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import TicketDetailPage from '@/pages/ticket/detail'
import { hideToasts, modalButton, shownToast } from '../helpers'
import { OWNER, startPageStack, stopPageStack, ticketAt, type TestStack } from '../stack'
import { setRouterParams } from '../taro-page'

describe('ticket detail page (owner) on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    setDevIdentity(OWNER)
    hideToasts()
  })

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
    expect(screen.getByText('业主已同意报价')).toBeTruthy()
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
    expect(screen.getByText('业主已同意报价')).toBeTruthy()
  })
})
