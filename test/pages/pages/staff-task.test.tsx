import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import { formatShort } from '@/utils/time'
import StaffTaskPage from '@/staff/task/index'
import { $, hideToasts, shownToast, typeInto } from '../helpers'
import { backdate, OWNER, PLUMBER, startPageStack, stopPageStack, ticketAt, type Stage, type TestStack } from '../stack'
import { setRouterParams } from '../taro-page'

/** Button text of each workflow event a technician can cause, in the page's order. */
const STEP_TEXTS: Record<string, string> = {
  accept: '接单',
  arrive: '到场签到',
  start: '开始维修',
  quote: '报价',
  finish: '完工返单',
  refer: '转介外部服务',
}
const shownSteps = () => Object.values(STEP_TEXTS).filter((t) => screen.queryByText(t, { selector: '.app-button__text' }))
const stepsFor = (actions: string[]) => Object.entries(STEP_TEXTS).filter(([event]) => actions.includes(event)).map(([, text]) => text)

describe('staff task page on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    setDevIdentity(PLUMBER)
    hideToasts()
  })

  /** The ticket as 王师傅 gets it from the server now. */
  const serverTicket = async (ticketId: string) => (await s.must(PLUMBER)('ticket.get', { ticketId })).ticket
  const shownState = (container: HTMLElement) => container.querySelector('.ticket-state')?.textContent

  it.each<[Stage, string[]]>([
    ['dispatched', ['接单']],
    ['accepted', ['到场签到', '转介外部服务']],
    ['on_site', ['开始维修', '报价', '完工返单', '转介外部服务']],
    ['in_progress', ['完工返单', '转介外部服务']],
    ['awaiting_confirmation', []],
    ['callback_pending', []],
  ])('offers exactly the steps the server allows when the task is %s', async (stage, expected) => {
    const t = await ticketAt(s, stage)
    expect(stepsFor((await serverTicket(t.id)).actions)).toEqual(expected) // what the server allows 王师傅
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)

    expect(await screen.findByText(t.description, { selector: '.ticket-description' })).toBeTruthy()
    expect(shownSteps()).toEqual(expected)
    // With nothing to do, there is no 操作 card at all.
    expect(container.querySelector('.task-actions') !== null).toBe(expected.length > 0)
  })

  it('accepts the task: the server assigns it to him and the page moves on', async () => {
    const t = await ticketAt(s, 'dispatched')
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)

    await screen.findByText('接单', { selector: '.app-button__text' })
    expect(shownState(container)).toBe('已派单')
    fireEvent.click(screen.getByText('接单'))

    await waitFor(() => expect(shownState(container)).toBe('已接单'))
    expect(shownSteps()).toEqual(['到场签到', '转介外部服务'])
    expect(shownToast()).toBe('操作成功')
    const after = await serverTicket(t.id)
    expect(after.state).toBe('accepted')
    expect(after.assignee?.name).toBe('王师傅')
    expect(after.timeline.at(-1)).toMatchObject({ event: 'accept', actorName: '王师傅' })
  })

  it('says the task was already taken when it was accepted elsewhere, and reloads', async () => {
    const t = await ticketAt(s, 'dispatched')
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)
    await screen.findByText('接单', { selector: '.app-button__text' })
    // Accepted meanwhile from another device (the WeChat reminder): this tap is the second accept.
    await s.must(PLUMBER)('task.accept', { ticketId: t.id })

    fireEvent.click(screen.getByText('接单'))

    await waitFor(() => expect(container.querySelector('.error-notice')?.textContent).toBe('该任务已被其他同事接单'))
    expect(shownToast()).toBe('该任务已被其他同事接单')
    // Reloaded: the steps are those of the accepted task.
    await waitFor(() => expect(shownState(container)).toBe('已接单'))
    expect(shownSteps()).toEqual(['到场签到', '转介外部服务'])
    expect((await serverTicket(t.id)).timeline.filter((e) => e.event === 'accept')).toHaveLength(1)
  })

  it('sends a quote in fen from the inline form, and the owner is asked to confirm it', async () => {
    const t = await ticketAt(s, 'on_site')
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)
    s.stack.emulator.clearMessages()

    fireEvent.click(await screen.findByText('报价'))
    typeInto($(container, '.quote-form__name'), '更换角阀')
    typeInto($(container, '.quote-form__price'), '50')
    fireEvent.click(screen.getByText('提交报价'))

    await waitFor(() => expect(shownState(container)).toBe('待确认报价'))
    expect(screen.getByText('等待业主确认报价')).toBeTruthy()
    const after = await serverTicket(t.id)
    expect(after.state).toBe('awaiting_confirmation')
    expect(after.quote).toEqual({ items: [{ name: '更换角阀', priceFen: 5000, quantity: 1 }], totalFen: 5000, note: '', decision: null })
    expect(s.stack.emulator.messages().filter((m) => m.touser === OWNER).map((m) => m.templateId)).toEqual(['local-quote_pending'])
  })

  it('shows the clocks, marking a breached one 已超时 and a stopped one 已完成', async () => {
    const t = await ticketAt(s, 'dispatched')
    // Submitted 20 minutes ago: dispatched at once (派单 met), nobody on site within 15 minutes.
    await backdate(s, t.id, 20 * 60_000)
    const { deadlines } = await serverTicket(t.id)
    const dueOf = (clock: string) => formatShort(deadlines.find((d) => d.clock === clock)!.dueAt)
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)

    await screen.findByText('服务时限')
    const rows = Array.from(container.querySelectorAll('.deadline-item')).map((r) => r.textContent)
    expect(rows).toEqual([`派单时限${dueOf('dispatch')} 前已完成`, `到场时限${dueOf('onSite')} 前已超时`])
    expect(container.querySelector('.deadline-item__status--late')?.textContent).toBe('已超时')
  })
})
