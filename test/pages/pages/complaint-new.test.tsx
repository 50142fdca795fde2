import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Ticket } from '@/core/tickets/model'
import { setDevIdentity } from '@/services/dev-identity'
import { HOUR_MS } from '@/utils/time'
import ComplaintNewPage from '@/pages/complaint/new'
import { $, hideToasts, openedTicketId, sentInputs, shownToast, typeInto } from '../helpers'
import { GUEST, LIN_UNIT, OWNER, startPageStack, stopPageStack, ticketAt, type TestStack } from '../stack'
import { currentRoute, resetRoute, setRouterParams } from '../taro-page'




describe('complaint form (pages/complaint/new) on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    setDevIdentity(OWNER)
    setRouterParams({})
    resetRoute()
    hideToasts()
  })
  afterEach(() => jest.restoreAllMocks())

  const fieldError = (container: HTMLElement, cls: string) => container.querySelector(`.${cls}`)?.textContent ?? null

  /** The stored ticket, as the functions keep it (credits granted at submit live there). */
  const stored = async (id: string) => ((await s.db.collection('tickets').doc(id).get()).data as Ticket[])[0]!

  it('shows each field\'s message next to it, in the contract\'s words, without calling the server', async () => {
    const { container } = render(<ComplaintNewPage />)
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real

    fireEvent.click(await screen.findByText('提交投诉'))
    expect(fieldError(container, 'category-error')).toBe('请选择投诉类别')
    expect(fieldError(container, 'description-error')).toBe('请填写投诉内容')
    expect(fieldError(container, 'reply-error')).toBe('请选择期望答复时间')
    expect(fieldError(container, 'about-staff-error')).toBeNull() // optional
    expect(fieldError(container, 'unit-error')).toBeNull() // his first unit is preselected
    expect(shownToast()).toBe('请选择投诉类别')

    // Fixing a field clears its message; the others stay until fixed.
    fireEvent.click(screen.getByText('环境卫生'))
    expect(fieldError(container, 'category-error')).toBeNull()
    expect(fieldError(container, 'description-error')).toBe('请填写投诉内容')

    typeInto($(container, '.complaint-description .field-textarea__input'), '   ')
    fireEvent.click(screen.getByText('提交投诉'))
    expect(fieldError(container, 'description-error')).toBe('请填写投诉内容')

    typeInto($(container, '.complaint-description .field-textarea__input'), '脏'.repeat(501))
    typeInto($(container, '.complaint-about-staff'), '保'.repeat(21))
    fireEvent.click(screen.getByText('24小时内'))
    fireEvent.click(screen.getByText('提交投诉'))
    expect(fieldError(container, 'description-error')).toBe('投诉内容不能超过500个字')
    expect(fieldError(container, 'about-staff-error')).toBe('被投诉人员不能超过20个字')
    expect(fieldError(container, 'reply-error')).toBeNull()

    expect(sentInputs('complaint.submit', sent)).toEqual([])
    expect(currentRoute()).toBe('')

    // The messages are the server's own for the same values.
    const asServer = async (over: Record<string, unknown>) => {
      const reply = await s.as(OWNER)('complaint.submit', {
        unitId: LIN_UNIT,
        category: 'cleaning',
        description: '楼道脏',
        replyBy: Date.now() + HOUR_MS,
        ...over,
      } as never)
      return reply.ok ? null : reply.message
    }
    expect(await asServer({ description: '脏'.repeat(501) })).toBe('投诉内容不能超过500个字')
    expect(await asServer({ description: '   ' })).toBe('请填写投诉内容')
    expect(await asServer({ aboutStaff: '保'.repeat(21) })).toBe('被投诉人员不能超过20个字')
    expect(await asServer({ category: undefined })).toBe('请选择投诉类别')
  })

  it('submits a complaint, opens it, and the server has the reply time and only the reminders it asked for', async () => {
    const { container } = render(<ComplaintNewPage />)

    fireEvent.click(await screen.findByText('噪音扰民'))
    typeInto($(container, '.complaint-description .field-textarea__input'), '楼上每晚十一点后装修电钻声')
    expect(container.querySelector('.complaint-description .field-textarea__counter')?.textContent).toBe('13/500')
    typeInto($(container, '.complaint-about-staff'), ' 夜班保安 ')
    fireEvent.click(screen.getByText('24小时内'))
    const before = Date.now()
    fireEvent.click(screen.getByText('提交投诉'))

    const id = await openedTicketId()
    const after = Date.now()
    const { ticket } = await s.must(OWNER)('ticket.get', { ticketId: id })
    expect(ticket).toMatchObject({
      kind: 'complaint',
      kindName: '投诉',
      category: 'noise',
      categoryName: '噪音扰民',
      place: '1栋1单元1201',
      description: '楼上每晚十一点后装修电钻声',
      photos: [],
      handlerTitle: '客服管家',
      complaint: { aboutStaff: '夜班保安', linkedTicket: null },
    })
    expect(ticket.complaint!.replyBy).toBeGreaterThanOrEqual(before + 24 * HOUR_MS)
    expect(ticket.complaint!.replyBy).toBeLessThanOrEqual(after + 24 * HOUR_MS)
    // Complaints have no quote: he was asked for the accepted and done reminders only.
    expect((await stored(id)).ownerCredits).toEqual({ order_accepted: 1, repair_done: 1 })
  })

  it('about the handler of one of his tickets: says so, sends aboutTicketId, and the server links it', async () => {
    const repair = await ticketAt(s, 'closed', { description: '马桶水箱一直响' })
    setRouterParams({ aboutTicketId: repair.id, staff: '王师傅' })
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real
    const { container } = render(<ComplaintNewPage />)

    expect(await screen.findByText(`投诉工单 ${repair.no} 的处理人员 王师傅`)).toBeTruthy()
    expect(container.querySelector('.complaint-about-staff')).toBeNull() // the server knows who it is
    expect(container.querySelector('.category-item--active')?.textContent).toContain('服务态度')
    typeInto($(container, '.complaint-description .field-textarea__input'), '师傅上门态度很差，还抽烟')
    fireEvent.click(screen.getByText('4小时内'))
    fireEvent.click(screen.getByText('提交投诉'))

    const id = await openedTicketId()
    expect(sentInputs('complaint.submit', sent)).toEqual([expect.objectContaining({ aboutTicketId: repair.id, category: 'service', aboutStaff: '王师傅' })])
    const { ticket } = await s.must(OWNER)('ticket.get', { ticketId: id })
    expect(ticket).toMatchObject({
      kind: 'complaint',
      category: 'service',
      description: '师傅上门态度很差，还抽烟',
      complaint: { aboutStaff: '王师傅', linkedTicket: { id: repair.id, no: repair.no } },
    })
  })

  it('shows the server\'s refusal and lets him try again', async () => {
    const { container } = render(<ComplaintNewPage />)
    fireEvent.click(await screen.findByText('车辆停放'))
    typeInto($(container, '.complaint-description .field-textarea__input'), '消防通道长期有车占用')
    fireEvent.click(screen.getByText('3天内'))
    // Meanwhile the demo identity was switched to someone bound to no unit (another tab).
    setDevIdentity(GUEST)
    fireEvent.click(screen.getByText('提交投诉'))

    await waitFor(() => expect(container.querySelector('.error-notice')?.textContent).toBe('您还没有绑定房屋，请先完成房屋绑定'))
    expect(currentRoute()).toBe('')

    setDevIdentity(OWNER)
    fireEvent.click(screen.getByText('提交投诉'))
    const id = await openedTicketId()
    expect((await s.must(OWNER)('ticket.get', { ticketId: id })).ticket.description).toBe('消防通道长期有车占用')
  })

  it('ignores a double tap: one request, one complaint', async () => {
    const { container } = render(<ComplaintNewPage />)
    fireEvent.click(await screen.findByText('安全秩序'))
    typeInto($(container, '.complaint-description .field-textarea__input'), '单元门禁坏了外人随意进出')
    fireEvent.click(screen.getByText('24小时内'))
    const sent = jest.spyOn(globalThis, 'fetch')

    fireEvent.click(screen.getByText('提交投诉'))
    fireEvent.click(screen.getByText('提交投诉'))

    await openedTicketId()
    expect(sentInputs('complaint.submit', sent)).toHaveLength(1)
    const { tickets } = await s.must(OWNER)('ticket.list', { kind: 'complaint', status: 'all' })
    expect(tickets.filter((t) => t.description === '单元门禁坏了外人随意进出')).toHaveLength(1)
  })

  it('tells someone without a unit why, and leads to binding', async () => {
    setDevIdentity(GUEST)
    render(<ComplaintNewPage />)

    expect(await screen.findByText('请先绑定房屋')).toBeTruthy()
    expect(screen.queryByText('提交投诉')).toBeNull()
    fireEvent.click(screen.getByText('去绑定房屋'))
    expect(currentRoute()).toBe('/pages/binding/new')
  })
})
