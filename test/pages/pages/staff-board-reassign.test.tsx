import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Ticket } from '@/core/tickets/model'
import { DEMO_STAFF } from '@/local/demo-data'
import { setDevIdentity } from '@/services/dev-identity'
import StaffTaskPage from '@/staff/task/index'
import { $, hideToasts, modalButton, shownToast, typeInto } from '../helpers'
import { CARPENTER, MANAGER, PLUMBER, startPageStack, stopPageStack, submitRepair, SUPERVISOR, ticketAt, type TestStack } from '../stack'
import { resetRoute, setRouterParams } from '../taro-page'


/** The person rows of the open panel, by name. */
const personRow = (container: HTMLElement, name: string): HTMLElement => {
  const row = Array.from(container.querySelectorAll<HTMLElement>('.transfer-person')).find((r) => r.querySelector('.transfer-person__name')?.textContent === name)
  if (!row) throw new Error(`no candidate ${name}`)
  return row
}

describe('改派 and 转派 on the task page (staff/task/index)', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
    // A second plumber who is never on shift: the supervisor may choose him, warned.
    const wang = DEMO_STAFF.find((m) => m._id === 's-tech-wang')!
    await s.db.collection('staff').add({ ...wang, _id: 's-tech-sun', openid: 'demo-tech-sun', name: '孙师傅', phone: '13900000019', shifts: [] })
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    resetRoute()
    hideToasts()
  })

  const stored = async (id: string): Promise<Ticket> => (await s.db.collection('tickets').doc(id).get()).data[0] as Ticket
  const openPanel = async (who: string, ticketId: string) => {
    setDevIdentity(who)
    setRouterParams({ id: ticketId })
    const page = render(<StaffTaskPage />)
    fireEvent.click(await waitFor(() => $(page.container, '.transfer-open')))
    await waitFor(() => expect(page.container.querySelectorAll('.transfer-person').length).toBeGreaterThan(0))
    return page
  }

  it('周主任 reassigns 王师傅\'s repair to 马组长: the rules\' people with duty, load and reach; the reason is required', async () => {
    const t = await submitRepair(s, { description: '厨房水管渗水' })
    const { container } = await openPanel(SUPERVISOR, t.id)
    expect($(container, '.transfer-panel .card__title').textContent).toBe('改派')
    const ma = personRow(container, '马组长')
    expect(ma.textContent).toContain('在岗')
    expect(ma.textContent).toContain('手上 0/30 单')
    expect(ma.textContent).toContain('可微信提醒')
    expect(personRow(container, '赵师傅').textContent).toContain('不可选：不是水电工')
    expect(() => personRow(container, '王师傅')).toThrow()
    // A barred person cannot be chosen.
    fireEvent.click(personRow(container, '赵师傅'))
    expect(personRow(container, '赵师傅').classList.contains('transfer-person--chosen')).toBe(false)

    fireEvent.click(ma)
    fireEvent.click($(container, '.transfer-confirm'))
    expect(await screen.findByText('请填写改派原因')).toBeTruthy()
    typeInto($(container, '.transfer-reason .field-textarea__input'), '王师傅手上急修太多')
    fireEvent.click($(container, '.transfer-confirm'))

    await waitFor(() => expect(shownToast()).toBe('已改派给马组长'))
    expect(await stored(t.id)).toMatchObject({ state: 'dispatched', assignee: { name: '马组长' } })
    // The page shows the ticket as it is now: the trail says it, the panel is closed again.
    await waitFor(() => expect(container.textContent).toContain('由王师傅改派给马组长：王师傅手上急修太多'))
    expect(container.querySelector('.transfer-panel--open')).toBeNull()
  })

  it('someone off duty is allowed after a warning', async () => {
    const t = await submitRepair(s, { description: '阳台灯不亮' })
    const { container } = await openPanel(SUPERVISOR, t.id)
    const sun = personRow(container, '孙师傅')
    expect(sun.textContent).toContain('不在岗')
    expect(sun.textContent).toContain('注意：当前不在岗，请先电话确认能否接手')
    fireEvent.click(sun)
    typeInto($(container, '.transfer-reason .field-textarea__input'), '孙师傅明早第一单')
    fireEvent.click($(container, '.transfer-confirm'))
    fireEvent.click(await waitFor(() => modalButton('改派')))
    await waitFor(async () => expect((await stored(t.id)).assignee?.name).toBe('孙师傅'))
  })

  it('when another supervisor got there first, says who did what, and shows the ticket as it is', async () => {
    const t = await submitRepair(s, { description: '客厅开关冒火花' })
    const { container } = await openPanel(SUPERVISOR, t.id)
    fireEvent.click(personRow(container, '马组长'))
    typeInto($(container, '.transfer-reason .field-textarea__input'), '马组长就在附近')
    // Meanwhile the manager reassigns it.
    await s.must(MANAGER)('task.reassign', { ticketId: t.id, staffId: 's-tech-sun', reason: '孙师傅熟悉这户', version: t.version })
    fireEvent.click($(container, '.transfer-confirm'))
    const message = '工单刚刚已由吴经理改派（由王师傅改派给孙师傅：孙师傅熟悉这户），请刷新后再操作'
    await waitFor(() => expect($(container, '.transfer-panel .error-notice__text').textContent).toBe(message))
    expect((await stored(t.id)).assignee?.name).toBe('孙师傅')
  })

  it('王师傅 hands a repair that is really 门窗 to the carpenters: it goes to 赵师傅 at once', async () => {
    const t = await ticketAt(s, 'on_site', { description: '窗户合页松了（报成了水电）' })
    const { container } = await openPanel(PLUMBER, t.id)
    expect($(container, '.transfer-panel .card__title').textContent).toBe('转派')
    // Colleagues: 马组长 may take it; 孙师傅 is off duty.
    expect(personRow(container, '孙师傅').textContent).toContain('不可选：当前不在岗')
    fireEvent.click(screen.getByText('门窗'))
    typeInto($(container, '.transfer-reason .field-textarea__input'), '实为窗户合页问题')
    fireEvent.click($(container, '.transfer-confirm'))
    await waitFor(() => expect(shownToast()).toBe('已转给门窗，重新派单'))
    expect(await stored(t.id)).toMatchObject({ state: 'dispatched', category: 'doors_windows', assignee: { name: '赵师傅' } })
    expect((await s.must(CARPENTER)('task.list', { tab: 'todo' })).tasks.map((x) => x.id)).toContain(t.id)
  })

  it('once the work has started the holder has no 转派 panel', async () => {
    const t = await ticketAt(s, 'in_progress', { description: '水管接头滴水' })
    setDevIdentity(PLUMBER)
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)
    await screen.findByText('完工返单', { selector: '.app-button__text' })
    expect(container.querySelector('.transfer-panel')).toBeNull()
  })
})
