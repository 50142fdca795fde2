import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { answer, mockedCall } from '../rpc-mock'
import { ticket } from '../fixtures'
import TicketsPage from '@/pages/tickets/index'

describe('my repairs (pages/tickets/index)', () => {
  let navigateTo: jest.SpyInstance
  beforeEach(() => {
    mockedCall.mockReset()
    navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  })
  afterEach(() => jest.restoreAllMocks())

  it('shows each ticket as a card with icon, place, state, time and urgency', async () => {
    answer({
      'ticket.list': {
        tickets: [
          ticket({ id: 'a', urgent: true, state: 'in_progress', stateLabel: '维修中' }),
          ticket({ id: 'b', categoryName: '门窗', categoryIcon: '🚪', state: 'closed', stateLabel: '已完成' }),
        ],
      },
    })
    const { container } = render(<TicketsPage />)

    await waitFor(() => expect(container.querySelectorAll('.ticket-card')).toHaveLength(2))
    const [first, second] = Array.from(container.querySelectorAll('.ticket-card'))
    expect(first.textContent).toContain('💡')
    expect(first.textContent).toContain('3栋2单元1201')
    expect(first.textContent).toContain('11-22 09:00')
    expect(first.querySelector('.urgent-tag')).not.toBeNull()
    expect(first.querySelector('.state-badge--working')?.textContent).toBe('维修中')
    expect(second.querySelector('.urgent-tag')).toBeNull()
    expect(second.querySelector('.state-badge--done')?.textContent).toBe('已完成')

    fireEvent.click(second)
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/detail?id=b' })
  })

  it('offers 我要报修 when there is nothing yet', async () => {
    answer({ 'ticket.list': { tickets: [] } })
    render(<TicketsPage />)

    fireEvent.click(await screen.findByText('我要报修'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/repair/new' })
  })
})
