import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { sentInputs } from '../helpers'
import { setDevIdentity } from '@/services/dev-identity'
import { formatShort } from '@/utils/time'
import TicketsPage from '@/pages/tickets/index'
import { OTHER_OWNER, OWNER, startPageStack, stopPageStack, submitCard, submitComplaint, ticketAt, type TestStack } from '../stack'
import { currentRoute, resetRoute } from '../taro-page'


describe('my tickets (pages/tickets/index) on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => resetRoute())
  afterEach(() => jest.restoreAllMocks())

  it('shows each ticket as a card with icon, place, state, time and urgency, newest first', async () => {
    const leak = await ticketAt(s, 'in_progress', { description: '卫生间水管爆裂', urgent: true })
    const door = await ticketAt(s, 'closed', { description: '入户门锁打不开', category: 'doors_windows' })
    const { tickets } = await s.must(OWNER)('ticket.list', {})
    setDevIdentity(OWNER)
    const { container } = render(<TicketsPage />)

    await waitFor(() => expect(container.querySelectorAll('.ticket-card')).toHaveLength(tickets.length))
    expect(screen.getByText(`共 ${tickets.length} 条工单`)).toBeTruthy()
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

  it('sends the kind and status filters to ticket.list and shows exactly the rows the server has for them', async () => {
    const leak = await ticketAt(s, 'in_progress', { description: '主卫花洒漏水' })
    const done = await ticketAt(s, 'closed', { description: '阳台灯不亮' })
    const complaint = await submitComplaint(s, { description: '地下车库积水无人处理' })
    const card = await submitCard(s, { type: 'parking', action: 'lost', cardNo: 'P2024' })
    setDevIdentity(OWNER)
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real
    const { container } = render(<TicketsPage />)

    /** The rows shown, as "kind badge|description|state badge". */
    const rows = () =>
      Array.from(container.querySelectorAll('.ticket-card')).map(
        (c) =>
          `${c.querySelector('.kind-badge')?.textContent}|${c.querySelector('.ticket-card-item__desc')?.textContent}|${c.querySelector('.state-badge')?.textContent}`,
      )
    /** The same rows computed from what the server lists for the filter. */
    const expected = async (input: { kind: 'all' | 'repair' | 'complaint' | 'card'; status: 'all' | 'open' | 'done' }) =>
      (await s.must(OWNER)('ticket.list', input)).tickets.map((t) => `${t.kindName}|${t.description}|${t.stateLabel}`)
    const shows = async (input: Parameters<typeof expected>[0]) => {
      // Inside act: the page's own request for the new filter is answered meanwhile.
      const want = await act(() => expected(input))
      await waitFor(() => expect(rows()).toEqual(want))
      expect(sentInputs('ticket.list', sent).at(-1)).toEqual(input)
      return want
    }

    const all = await shows({ kind: 'all', status: 'all' })
    expect(all).toEqual(expect.arrayContaining([`报修|主卫花洒漏水|维修中`, `投诉|地下车库积水无人处理|${complaint.stateLabel}`, `IC卡|${card.description}|${card.stateLabel}`]))

    fireEvent.click(screen.getByText('投诉', { selector: '.tabs__label' }))
    const complaints = await shows({ kind: 'complaint', status: 'all' })
    expect(complaints).toContain(`投诉|地下车库积水无人处理|${complaint.stateLabel}`)
    expect(complaints.every((r) => r.startsWith('投诉|'))).toBe(true)
    expect(screen.getByText(`共 ${complaints.length} 条投诉`)).toBeTruthy()
    const row = Array.from(container.querySelectorAll('.ticket-card')).find((c) => c.textContent?.includes('地下车库积水无人处理'))!
    expect(row.querySelector('.ticket-card-item__title')?.textContent).toBe('环境卫生')
    expect(row.querySelector('.kind-badge--complaint')).not.toBeNull()

    fireEvent.click(screen.getByText('IC卡', { selector: '.tabs__label' }))
    const cards = await shows({ kind: 'card', status: 'all' })
    expect(cards.every((r) => r.startsWith('IC卡|'))).toBe(true)
    const cardRow = Array.from(container.querySelectorAll('.ticket-card')).find((c) => c.querySelector('.ticket-card-item__title')?.textContent === '停车卡·挂失')
    expect(cardRow).toBeTruthy()

    fireEvent.click(screen.getByText('报修', { selector: '.tabs__label' }))
    fireEvent.click(screen.getByText('已结束'))
    const doneRepairs = await shows({ kind: 'repair', status: 'done' })
    expect(doneRepairs).toContain('报修|阳台灯不亮|已完成')
    expect(doneRepairs).not.toContain('报修|主卫花洒漏水|维修中')

    fireEvent.click(screen.getByText('进行中'))
    const openRepairs = await shows({ kind: 'repair', status: 'open' })
    expect(openRepairs).toContain('报修|主卫花洒漏水|维修中')
    expect(openRepairs).not.toContain('报修|阳台灯不亮|已完成')

    fireEvent.click(screen.getByText('全部', { selector: '.tabs__label' }))
    const openAll = await shows({ kind: 'all', status: 'open' })
    expect(openAll).toEqual(expect.arrayContaining(['报修|主卫花洒漏水|维修中', `投诉|地下车库积水无人处理|${complaint.stateLabel}`]))
    expect(openAll).not.toContain('报修|阳台灯不亮|已完成')

    // Rows still open their ticket.
    fireEvent.click(Array.from(container.querySelectorAll('.ticket-card')).find((c) => c.textContent?.includes('主卫花洒漏水'))!)
    expect(currentRoute()).toBe(`/pages/ticket/detail?id=${leak.id}`)
    expect(done.state).toBe('closed')
  })

  it('says what is missing for each filter and offers the matching form', async () => {
    // 黄女士 has reported nothing (no test here reports for her).
    setDevIdentity(OTHER_OWNER)
    render(<TicketsPage />)

    expect(await screen.findByText('还没有工单')).toBeTruthy()
    fireEvent.click(screen.getByText('我要报修'))
    expect(currentRoute()).toBe('/pages/repair/new')

    fireEvent.click(screen.getByText('投诉', { selector: '.tabs__label' }))
    expect(await screen.findByText('还没有投诉记录')).toBeTruthy()
    fireEvent.click(screen.getByText('我要投诉', { selector: '.app-button__text' }))
    expect(currentRoute()).toBe('/pages/complaint/new')

    fireEvent.click(screen.getByText('进行中'))
    expect(await screen.findByText('没有进行中的投诉')).toBeTruthy()

    fireEvent.click(screen.getByText('IC卡', { selector: '.tabs__label' }))
    expect(await screen.findByText('没有进行中的IC卡办理')).toBeTruthy()
    fireEvent.click(screen.getByText('全部', { selector: '.chip__label' }))
    expect(await screen.findByText('还没有IC卡办理记录')).toBeTruthy()
    fireEvent.click(screen.getByText('IC卡办理', { selector: '.app-button__text' }))
    expect(currentRoute()).toBe('/pages/card/new')
  })
})
