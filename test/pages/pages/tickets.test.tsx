import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import { formatShort } from '@/utils/time'
import TicketsPage from '@/pages/tickets/index'
import { OTHER_OWNER, OWNER, startPageStack, stopPageStack, ticketAt, type TestStack } from '../stack'
import { currentRoute, resetRoute } from '../taro-page'

describe('my repairs (pages/tickets/index) on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => resetRoute())

  it('shows each ticket as a card with icon, place, state, time and urgency, newest first', async () => {
    const leak = await ticketAt(s, 'in_progress', { description: '卫生间水管爆裂', urgent: true })
    const door = await ticketAt(s, 'closed', { description: '入户门锁打不开', category: 'doors_windows' })
    const { tickets } = await s.must(OWNER)('ticket.list', {})
    setDevIdentity(OWNER)
    const { container } = render(<TicketsPage />)

    await waitFor(() => expect(container.querySelectorAll('.ticket-card')).toHaveLength(tickets.length))
    expect(screen.getByText(`共 ${tickets.length} 条报修`)).toBeTruthy()
    const cards = Array.from(container.querySelectorAll('.ticket-card'))
    expect(cards.map((c) => c.querySelector('.ticket-card-item__desc')?.textContent)).toEqual(tickets.map((t) => t.description))
    const cardOf = (description: string) => cards.find((c) => c.textContent?.includes(description))!

    const leakCard = cardOf('卫生间水管爆裂')
    expect(leakCard.textContent).toContain('💡')
    expect(leakCard.querySelector('.ticket-card-item__place')?.textContent).toBe('1栋1单元1201')
    expect(leakCard.querySelector('.ticket-card-item__time')?.textContent).toBe(`${formatShort(leak.createdAt)} 提交`)
    expect(leakCard.querySelector('.urgent-tag')).not.toBeNull()
    expect(leakCard.querySelector('.state-badge--working')?.textContent).toBe('维修中')
    expect(leakCard.textContent).toContain('维修师傅 王师傅')

    const doorCard = cardOf('入户门锁打不开')
    expect(doorCard.textContent).toContain('🚪')
    expect(doorCard.querySelector('.ticket-card-item__title')?.textContent).toBe('门窗')
    expect(doorCard.querySelector('.urgent-tag')).toBeNull()
    expect(doorCard.querySelector('.state-badge--done')?.textContent).toBe('已完成')
    expect(doorCard.textContent).toContain('维修师傅 赵师傅')

    fireEvent.click(doorCard)
    expect(currentRoute()).toBe(`/pages/ticket/detail?id=${door.id}`)
  })

  it('offers 我要报修 when there is nothing yet', async () => {
    // 黄女士 has reported nothing (no test here reports for her).
    setDevIdentity(OTHER_OWNER)
    render(<TicketsPage />)

    expect(await screen.findByText('还没有报修记录')).toBeTruthy()
    fireEvent.click(screen.getByText('我要报修'))
    expect(currentRoute()).toBe('/pages/repair/new')
  })
})
