import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { answer, inputsOf, mockedCall } from '../rpc-mock'
import { ticket } from '../fixtures'
import { setRouterParams } from '../taro-page'
import { RpcError } from '@/services/rpc'
import TicketDetailPage from '@/pages/ticket/detail'

const quote = { items: [{ name: '更换水龙头', priceFen: 3000, quantity: 1 }], totalFen: 3000, note: '不含材料', decision: null }

describe('ticket detail page (owner)', () => {
  beforeEach(() => {
    mockedCall.mockReset()
    setRouterParams({ id: 't1' })
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
  })
  afterEach(() => jest.restoreAllMocks())

  it('shows state, number, assignee and the timeline newest first', async () => {
    answer({ 'ticket.get': { ticket: ticket() } })
    const { container } = render(<TicketDetailPage />)

    expect(await screen.findByText('BX20251122001')).toBeTruthy()
    expect(container.querySelector('.ticket-state')?.textContent).toBe('已派单')
    expect(container.querySelector('.assignee-card')?.textContent).toContain('13900000002')
    expect(Array.from(container.querySelectorAll('.timeline-item__event')).map((e) => e.textContent)).toEqual(['派单', '提交报修'])
    expect(inputsOf('ticket.get')).toEqual([{ ticketId: 't1' }])
    // No action is allowed, so no action button is offered.
    expect(screen.queryByText('同意报价')).toBeNull()
    expect(screen.queryByText('取消报修')).toBeNull()
    expect(screen.queryByText('提交评价')).toBeNull()
  })

  it('confirms a quote and shows the ticket the action returned', async () => {
    answer({
      'ticket.get': { ticket: ticket({ state: 'awaiting_confirmation', stateLabel: '待确认报价', quote, actions: ['confirm_quote', 'decline_quote'] }) },
      'repair.confirmQuote': { ticket: ticket({ state: 'in_progress', stateLabel: '维修中', quote: { ...quote, decision: 'accepted' } }) },
    })
    const { container } = render(<TicketDetailPage />)

    expect((await screen.findByText('¥30.00', { selector: '.quote-card__total-value' })).textContent).toBe('¥30.00')
    fireEvent.click(screen.getByText('同意报价'))

    await waitFor(() => expect(container.querySelector('.ticket-state')?.textContent).toBe('维修中'))
    expect(inputsOf('repair.confirmQuote')).toEqual([{ ticketId: 't1', accept: true, reason: '' }])
    expect(screen.queryByText('同意报价')).toBeNull()
    expect(screen.getByText('业主已同意报价')).toBeTruthy()
  })

  it('rates the callback with both scores and the comment, then shows the rating', async () => {
    const at = Date.UTC(2025, 10, 22, 8, 0)
    answer({
      'ticket.get': { ticket: ticket({ state: 'callback_pending', stateLabel: '待评价', actions: ['rate'] }) },
      'callback.rate': (input) => {
        const i = input as { handling: number; staff: number; comment: string }
        return { ticket: ticket({ state: 'closed', stateLabel: '已完成', rating: { handling: i.handling, staff: i.staff, comment: i.comment, at } }) }
      },
    })
    render(<TicketDetailPage />)

    await screen.findByText('回访评价')
    expect(screen.getByText(/2星及以下/)).toBeTruthy()
    fireEvent.click(screen.getByText('提交评价'))
    expect(screen.getByText('请为处理结果和服务态度分别打分')).toBeTruthy()
    expect(inputsOf('callback.rate')).toEqual([])

    fireEvent.click(screen.getByRole('radio', { name: '处理结果满意度 5星' }))
    fireEvent.click(screen.getByRole('radio', { name: '服务态度满意度 4星' }))
    fireEvent.click(screen.getByText('提交评价'))

    expect(await screen.findByText('我的评价')).toBeTruthy()
    expect(inputsOf('callback.rate')).toEqual([{ ticketId: 't1', handling: 5, staff: 4, comment: '' }])
    expect(screen.queryByText('提交评价')).toBeNull()
  })

  it('cancels with a reason', async () => {
    answer({
      'ticket.get': { ticket: ticket({ actions: ['cancel'] }) },
      'repair.cancel': { ticket: ticket({ state: 'cancelled', stateLabel: '已取消', cancelReason: '重复提交' }) },
    })
    const { container } = render(<TicketDetailPage />)

    fireEvent.click(await screen.findByText('取消报修', { selector: '.app-button__text' }))
    fireEvent.click(screen.getByText('确认取消'))
    expect(screen.getByText('请选择或填写取消原因')).toBeTruthy()
    fireEvent.click(screen.getByText('重复提交'))
    fireEvent.click(screen.getByText('确认取消'))

    await waitFor(() => expect(container.querySelector('.ticket-state')?.textContent).toBe('已取消'))
    expect(inputsOf('repair.cancel')).toEqual([{ ticketId: 't1', reason: '重复提交' }])
  })

  it('shows a failed action inline and reloads the ticket', async () => {
    answer({
      'ticket.get': { ticket: ticket({ state: 'awaiting_confirmation', stateLabel: '待确认报价', quote, actions: ['confirm_quote'] }) },
      'repair.confirmQuote': () => {
        throw new RpcError('TICKET.ILLEGAL_TRANSITION', '工单状态已变化，请刷新后再试')
      },
    })
    const { container } = render(<TicketDetailPage />)

    fireEvent.click(await screen.findByText('同意报价'))

    await waitFor(() => expect(container.querySelector('.error-notice')?.textContent).toBe('工单状态已变化，请刷新后再试'))
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '工单状态已变化，请刷新后再试', icon: 'none' })
    expect(inputsOf('ticket.get')).toHaveLength(2)
  })
})
