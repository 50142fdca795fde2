import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import type { TimelineEntry } from '@/core/contract/views'
import type { Ticket } from '@/core/tickets/model'
import { chinaDateAt, formatDateValue, formatFull, formatMonthDay, formatShort } from '@/utils/time'
import StaffTaskPage from '@/staff/task/index'
import { pendingUrge } from '@/staff/task/urged'
import { $, hideToasts, shownToast, typeInto } from '../helpers'
import {
  backdate,
  FRONT_DESK,
  OWNER,
  PLUMBER,
  startPageStack,
  stopPageStack,
  submitCard,
  submitComplaint,
  submitRepair,
  ticketAt,
  type Stage,
  type TestStack,
} from '../stack'
import { currentRoute, resetRoute, setRouterParams } from '../taro-page'

/** The housekeeper of zone A (林先生's 1栋), who takes his complaints. */
const KEEPER = 'demo-keeper-zhang'
/** The masonry technician: public facilities (公共设施, a free category) are his. */
const MASON = 'demo-tech-liu'
/** Engineering's technicians by name: any of them may be given an IC card once its identity is checked. */
const TECHNICIANS: Record<string, string> = { 王师傅: PLUMBER, 赵师傅: 'demo-tech-zhao', 刘师傅: MASON }

/** Button text of each workflow event a technician can cause, in the page's order. */
const STEP_TEXTS: Record<string, string> = {
  accept: '接单',
  arrive: '到场签到',
  start: '开始维修',
  quote: '报价',
  finish: '完工返单',
  refer: '转介外部服务',
  decline: '拒单',
}
const shownSteps = () => Object.values(STEP_TEXTS).filter((t) => screen.queryByText(t, { selector: '.app-button__text' }))
const stepsFor = (actions: string[]) => Object.entries(STEP_TEXTS).filter(([event]) => actions.includes(event)).map(([, text]) => text)
/** The step buttons as laid out, top to bottom, with the one shown as primary. */
const buttonsOf = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('.task-actions .staff-task__button')).map((b) => ({
    text: b.textContent,
    primary: b.classList.contains('app-button--primary'),
  }))
const textOf = (container: HTMLElement, selector: string) => container.querySelector(selector)?.textContent
/** The clock buttons (计时与汇报) as laid out. */
const toolsOf = (container: HTMLElement) => Array.from(container.querySelectorAll('.clock-actions .clock-tools__button')).map((b) => b.textContent)
/** The 服务时限 row of a clock, by its label. */
const deadlineRow = (container: HTMLElement, label: string) =>
  Array.from(container.querySelectorAll('.deadline-item')).find((r) => r.querySelector('.deadline-item__label')?.textContent === label)
const deadlineStatusOf = (container: HTMLElement, label: string) => deadlineRow(container, label)?.querySelector('.deadline-item__status')?.textContent
/** The chips of a chip group: label (and second line) of each, and the chosen one. */
const chipsOf = (container: HTMLElement, selector: string) =>
  Array.from(container.querySelectorAll(`${selector} .chip`)).map((c) => (c.classList.contains('chip--active') ? `[${c.textContent}]` : c.textContent))

describe('staff task page on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    setDevIdentity(PLUMBER)
    hideToasts()
    resetRoute()
  })

  /** The ticket as 王师傅 gets it from the server now. */
  const serverTicket = async (ticketId: string) => (await s.must(PLUMBER)('ticket.get', { ticketId })).ticket
  const shownState = (container: HTMLElement) => container.querySelector('.ticket-state')?.textContent

  it.each<[Stage, string[]]>([
    ['dispatched', ['接单', '拒单']],
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

  it('declines (拒单) with a reason: the task leaves his hands (no other plumber: it waits for dispatch)', async () => {
    const t = await ticketAt(s, 'dispatched')
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)
    await screen.findByText('拒单', { selector: '.app-button__text' })
    fireEvent.click(screen.getByText('拒单'))
    // A reason is required, next to the field.
    fireEvent.click(screen.getByText('确认拒单'))
    await screen.findByText('请填写拒单原因')
    typeInto($(container, '.note-form .field-textarea__input'), '手上有急修，无法按时到场')
    fireEvent.click(screen.getByText('确认拒单'))
    // Nobody else can take it: it waits, and the engineering lead is asked to arrange it.
    await waitFor(async () => expect((await serverTicket(t.id)).timeline.at(-1)?.event).toBe('seek_help'))
    const after = await serverTicket(t.id)
    expect(after.state).toBe('submitted')
    expect(after.timeline.slice(-2)).toMatchObject([
      { event: 'decline', note: '手上有急修，无法按时到场', actorName: '王师傅' },
      { event: 'seek_help', note: '没有可承接此类工作的人员，请安排接单，已请马组长协调' },
    ])
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
    // Said near the top, right under the header: the next move is the owner's.
    expect(screen.getByText('等待业主确认报价')).toBeTruthy()
    const notice = $(container, '.quote-pending-notice')
    expect(notice.textContent).toContain('报价合计 ¥50.00 已发给业主')
    expect(notice.previousElementSibling?.classList.contains('ticket-header')).toBe(true)
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
    // Due 15 minutes after the submission 20 minutes ago: 5 minutes late.
    expect(rows).toEqual([`派单时限${dueOf('dispatch')} 前已完成`, `到场时限${dueOf('onSite')} 前已超时 5 分钟`])
    expect(container.querySelector('.deadline-item__status--late')?.textContent).toBe('已超时 5 分钟')
  })

  it('makes the quote the first, primary step of a paid repair on site, with 开始维修 after it', async () => {
    const t = await ticketAt(s, 'on_site') // 水电: 有偿服务
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)

    await screen.findByText('报价', { selector: '.app-button__text' })
    expect(buttonsOf(container)).toEqual([
      { text: '报价', primary: true },
      { text: '开始维修', primary: false },
      { text: '完工返单', primary: false },
      { text: '转介外部服务', primary: false },
    ])
    expect(textOf(container, '.task-hint')).toBe('本类别为有偿服务：请先报价，业主同意后再开始维修。')
  })

  it('keeps 开始维修 first for a free repair on site (公共设施)', async () => {
    const t = await submitRepair(s, { category: 'public_facility', area: 'public', description: '3栋楼道声控灯不亮' })
    await s.must(MASON)('task.accept', { ticketId: t.id })
    await s.must(MASON)('task.arrive', { ticketId: t.id })
    setDevIdentity(MASON)
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)

    await screen.findByText('开始维修', { selector: '.app-button__text' })
    expect(buttonsOf(container)[0]).toEqual({ text: '开始维修', primary: true })
    expect(buttonsOf(container).filter((b) => b.primary)).toHaveLength(1)
    expect(container.querySelector('.task-hint')).toBeNull()
  })

  it('marks a task the owner urged until the technician moves it on', async () => {
    const t = await ticketAt(s, 'dispatched')
    setRouterParams({ id: t.id })
    const first = render(<StaffTaskPage />)
    await screen.findByText('接单', { selector: '.app-button__text' })
    expect(first.container.querySelector('.urged-marker')).toBeNull() // not urged yet
    first.unmount()

    const { ticket: urged } = await s.must(OWNER)('ticket.urge', { ticketId: t.id })
    const urgeAt = urged.timeline.at(-1)!
    expect(urgeAt.event).toBe('urge')
    const { container } = render(<StaffTaskPage />)

    expect(await screen.findByText('业主已催办')).toBeTruthy()
    expect(textOf(container, '.urged-marker')).toBe(`业主已催办${formatShort(urgeAt.at)} 催办，请尽快处理`)
    expect($(container, '.urged-marker').closest('.ticket-header')).not.toBeNull()

    fireEvent.click(screen.getByText('接单'))
    await waitFor(() => expect(shownState(container)).toBe('已接单'))
    expect(container.querySelector('.urged-marker')).toBeNull()
  })

  it('shows a complaint in its own words, and 张管家 takes it and reports the result', async () => {
    const repair = await ticketAt(s, 'closed')
    const c = await submitComplaint(s, {
      category: 'service',
      description: '师傅上门没有穿鞋套，地板被踩脏了',
      aboutTicketId: repair.id,
      // A stored photo: staff are served it as a signed link (a ref with no file is left out).
      photos: [await s.uploadPhoto()],
    })
    // 1栋 is zone A: 张管家's (the owner learns the name only once it is taken).
    expect((await s.must(KEEPER)('ticket.get', { ticketId: c.id })).ticket.assignee?.name).toBe('张管家')
    setDevIdentity(KEEPER)
    setRouterParams({ id: c.id })
    const { container } = render(<StaffTaskPage />)

    await screen.findByText(c.description, { selector: '.complaint-section .ticket-description' })
    expect(textOf(container, '.complaint-section .card__title')).toBe('投诉信息')
    expect(textOf(container, '.complaint-category-name')).toBe('服务态度')
    expect(textOf(container, '.complaint-about-staff')).toBe('王师傅')
    expect(textOf(container, '.complaint-reply-by')).toBe(`${formatFull(c.complaint!.replyBy!)} 前`)
    expect(container.querySelector('.complaint-section .ticket-photos')).not.toBeNull()
    // Nothing of a repair on a complaint.
    expect(container.textContent).not.toMatch(/报修内容|报修位置|上门时间|请尽快上门|到场|完工|接单/)
    expect(buttonsOf(container)).toEqual([{ text: '受理投诉', primary: true }, { text: '拒单', primary: false }])
    expect(textOf(container, '.task-hint')).toBe('受理后请尽快联系业主了解情况，并在期望答复时间前给业主答复。')

    // The linked ticket opens on the staff side.
    fireEvent.click($(container, '.complaint-linked-ticket'))
    expect(textOf(container, '.complaint-linked-ticket')).toBe(`${repair.no} ›`)
    expect(currentRoute()).toBe(`/staff/task/index?id=${repair.id}`)

    fireEvent.click(screen.getByText('受理投诉'))
    await waitFor(() => expect(shownState(container)).toBe('处理中'))
    expect(buttonsOf(container)).toEqual([{ text: '处理完毕', primary: true }])
    expect((await s.must(KEEPER)('ticket.get', { ticketId: c.id })).ticket.timeline.at(-1)).toMatchObject({ event: 'accept', actorName: '张管家' })

    fireEvent.click(screen.getByText('处理完毕'))
    expect(textOf(container, '.task-actions .card__title')).toBe('处理完毕')
    expect(textOf(container, '.note-form .field-textarea__label')).toBe('处理结果')
    expect($(container, '.note-form .field-textarea__input').getAttribute('placeholder')).toBe('如：已与楼上业主沟通，承诺晚间停工')
    // A complaint is not closed without saying what was done.
    fireEvent.click(screen.getByText('确认处理完毕'))
    expect(textOf(container, '.note-form .error-notice')).toBe('请填写处理结果，方便业主了解处理情况')
    expect((await s.must(KEEPER)('ticket.get', { ticketId: c.id })).ticket.state).toBe('accepted')

    typeInto($(container, '.note-form .field-textarea__input'), '已与王师傅核实并批评教育，明天上门为业主清洁地板')
    // Written: the message goes at once, before the next tap.
    expect(container.querySelector('.note-form .error-notice')).toBeNull()
    fireEvent.click(screen.getByText('确认处理完毕'))
    const after = await waitFor(async () => {
      const t = (await s.must(KEEPER)('ticket.get', { ticketId: c.id })).ticket
      expect(t.timeline.at(-1)?.event).not.toBe('accept')
      return t
    })
    await waitFor(() => expect(shownState(container)).toBe(after.stateLabel))
    expect(['returned', 'callback_pending']).toContain(after.state)
    expect(after.timeline.find((e) => e.event === 'finish')).toMatchObject({
      actorName: '张管家',
      eventLabel: '处理完毕',
      note: '已与王师傅核实并批评教育，明天上门为业主清洁地板',
    })
    expect(container.querySelector('.task-actions')).toBeNull()
  })

  it('shows an IC card reissue with its fee and loss report; 陈前台 verifies it, then an engineering technician does the card', async () => {
    const lost = await submitCard(s, { type: 'parking', action: 'lost', cardNo: 'P66001' })
    const reissue = await submitCard(s, { type: 'parking', action: 'reissue', cardNo: 'P66001', custody: true, note: '周末来前台取卡' })
    expect((await s.must(FRONT_DESK)('ticket.get', { ticketId: reissue.id })).ticket.assignee?.name).toBe('陈前台')
    setDevIdentity(FRONT_DESK)
    setRouterParams({ id: reissue.id })
    const desk = render(<StaffTaskPage />)
    let container = desk.container

    await screen.findByText('周末来前台取卡', { selector: '.card-section .ticket-description' })
    expect(textOf(container, '.card-section .card__title')).toBe('办理信息')
    expect(textOf(container, '.card-type-name')).toBe('停车卡')
    expect(textOf(container, '.card-action-name')).toBe('补办')
    expect(textOf(container, '.card-unverified')).toBe('待前台核验业主身份')
    expect(textOf(container, '.card-no')).toBe('P66001')
    expect(textOf(container, '.card-custody-value')).toBe('是，办好后交客服管家代为保管')
    expect(textOf(container, '.card-fee')).toBe('补办成本费 50 元，请向业主收取')
    expect(textOf(container, '.card-loss-ticket')).toBe(`${lost.no} ›`)
    expect(container.textContent).not.toMatch(/报修内容|报修位置|上门时间|请尽快上门|到场|完工|接单/)
    expect(buttonsOf(container)).toEqual([{ text: '核验通过', primary: true }, { text: '拒单', primary: false }])
    expect(textOf(container, '.task-hint')).toBe('请先核对业主身份证件和房屋信息，核验无误后再点“核验通过”。')

    // 核验通过: the card is engineering's now, given at once to a technician; nothing left for the desk.
    fireEvent.click(screen.getByText('核验通过'))
    await waitFor(() => expect(shownState(container)).toBe('待办卡'))
    expect(container.querySelector('.task-actions')).toBeNull()
    expect(textOf(container, '.card-verified')).toMatch(/^身份已由陈前台核验（\d\d-\d\d \d\d:\d\d）$/)
    const checked = (await s.must(FRONT_DESK)('ticket.get', { ticketId: reissue.id })).ticket
    expect(checked.timeline.map((e) => e.eventLabel).slice(-2)).toEqual(['核验身份', '派单'])
    const technician = TECHNICIANS[checked.assignee!.name]
    expect(technician).toBeDefined()
    desk.unmount()

    setDevIdentity(technician)
    container = render(<StaffTaskPage />).container
    await screen.findByText('接单办卡', { selector: '.app-button__text' })
    expect(shownState(container)).toBe('待办卡')
    expect(textOf(container, '.card-verified')).toMatch(/^身份已由陈前台核验/)
    expect(buttonsOf(container)).toEqual([{ text: '接单办卡', primary: true }, { text: '拒单', primary: false }])
    expect(textOf(container, '.task-hint')).toBe('业主身份已由前台核验，请在办卡时限内办好，并请业主签收。')
    fireEvent.click(screen.getByText('接单办卡'))
    await waitFor(() => expect(shownState(container)).toBe('办理中'))
    expect(buttonsOf(container)).toEqual([{ text: '办卡完成', primary: true }])

    fireEvent.click(screen.getByText('办卡完成'))
    expect(textOf(container, '.note-form .field-textarea__label')).toBe('办理说明（选填）')
    expect($(container, '.note-form .field-textarea__input').getAttribute('placeholder')).toBe('如：已开通，业主已签收 / 已挂失')
    fireEvent.click(screen.getByText('确认办卡完成')) // the note is optional
    const after = await waitFor(async () => {
      const t = (await s.must(FRONT_DESK)('ticket.get', { ticketId: reissue.id })).ticket
      expect(t.timeline.at(-1)?.event).not.toBe('accept')
      return t
    })
    await waitFor(() => expect(shownState(container)).toBe(after.stateLabel))
    expect(container.querySelector('.task-actions')).toBeNull()
    expect(after.timeline.find((e) => e.event === 'finish')).toMatchObject({ actorName: checked.assignee!.name, eventLabel: '办理完成' })
  })

  it('shows a loss report without fee or custody, its card number or 未填写', async () => {
    const lost = await submitCard(s, { type: 'water', action: 'lost' })
    setDevIdentity(FRONT_DESK)
    setRouterParams({ id: lost.id })
    const { container } = render(<StaffTaskPage />)

    await screen.findByText('核验通过', { selector: '.app-button__text' })
    expect(textOf(container, '.card-action-name')).toBe('挂失')
    expect(textOf(container, '.card-no')).toBe('未填写')
    expect(textOf(container, '.card-fee-none')).toBe('无需收费')
    expect(container.querySelector('.card-fee')).toBeNull()
    expect(container.querySelector('.card-custody-value')).toBeNull()
    expect(container.querySelector('.card-loss-ticket')).toBeNull()
    expect(textOf(container, '.card-section .ticket-description')).toBe('无')
  })
})

describe('staff task page: messages that did not reach someone', () => {
  // A stack of its own: the technician's load and credits are exactly the demo's.
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    setDevIdentity(PLUMBER)
    resetRoute()
  })

  it('says under 消息提醒 which message did not reach whom, and shows no such section otherwise', async () => {
    // WeChat rejects the new-task message once (bad data): it is not retried, the task stands.
    s.stack.emulator.injectFault({ touser: PLUMBER, templateId: 'local-task_assigned', errcode: 47003, times: 1 })
    const failed = await submitRepair(s, { description: '阳台地漏返水' })
    setRouterParams({ id: failed.id })
    const { container, unmount } = render(<StaffTaskPage />)
    await screen.findByText('消息提醒', { selector: '.card__title' })
    expect(Array.from(container.querySelectorAll('.push-failures__text')).map((e) => e.textContent)).toEqual([
      '王师傅 · 新任务提醒未送达：模板参数不合规',
    ])
    unmount()

    const fine = await submitRepair(s, { description: '厨房灯不亮' })
    setRouterParams({ id: fine.id })
    const again = render(<StaffTaskPage />)
    await screen.findByText('厨房灯不亮', { selector: '.ticket-description' })
    expect(again.container.querySelector('.push-failures')).toBeNull()
  })
})

describe('staff task page: working the clocks', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    setDevIdentity(PLUMBER)
    hideToasts()
    resetRoute()
  })

  const serverTicket = async (ticketId: string) => (await s.must(PLUMBER)('ticket.get', { ticketId })).ticket
  const stored = async (id: string): Promise<Ticket> => (await s.db.collection('tickets').doc(id).get()).data[0] as Ticket
  /** Moves the start and due time of one stored clock into the past (as if that much time went by). */
  const ageClock = async (id: string, clock: keyof Ticket['clocks'], ms: number) => {
    const c = (await stored(id)).clocks[clock]!
    await s.db.collection('tickets').doc(id).update({ [`clocks.${clock}`]: s.db.command.set({ ...c, startedAt: c.startedAt - ms, dueAt: c.dueAt - ms }) })
  }

  it('pauses the clocks with a common reason and resumes them: 已暂停 with the reason, then counting again', async () => {
    const t = await ticketAt(s, 'accepted')
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)

    await screen.findByText('计时与汇报')
    expect(toolsOf(container)).toEqual(['暂停计时'])
    expect(deadlineStatusOf(container, '到场时限')).toMatch(/^剩余 1[45] 分钟$/)
    // The workflow steps keep their own card.
    expect(buttonsOf(container).map((b) => b.text)).toEqual(['到场签到', '改约上门时间', '转介外部服务'])

    fireEvent.click(screen.getByText('暂停计时'))
    expect(textOf(container, '.clock-actions .card__title')).toBe('暂停计时')
    expect(chipsOf(container, '.pause-form__reasons')).toEqual(['业主不在家', '业主要求改约', '等待业主确认', '其他原因'])
    fireEvent.click(screen.getByText('确认暂停'))
    expect(textOf(container, '.pause-form .error-notice')).toBe('请选择或填写暂停原因')
    expect((await stored(t.id)).clocks.onSite?.pausedAt).toBeUndefined()

    fireEvent.click(screen.getByText('业主不在家'))
    fireEvent.click(screen.getByText('确认暂停'))
    await waitFor(() => expect(deadlineStatusOf(container, '到场时限')).toBe('已暂停'))
    expect(deadlineRow(container, '到场时限')?.querySelector('.deadline-item__paused')?.textContent).toBe('暂停原因：业主不在家。暂停期间不计时，恢复后时限顺延。')
    expect(deadlineStatusOf(container, '派单时限')).toBe('已完成') // a finished clock is not paused
    expect(shownToast()).toBe('已暂停计时')
    expect(toolsOf(container)).toEqual(['恢复计时'])
    const paused = await serverTicket(t.id)
    expect(paused.deadlines.find((d) => d.clock === 'onSite')).toMatchObject({ pausedAt: expect.any(Number), pauseReason: '业主不在家' })
    expect(paused.timeline.at(-1)).toMatchObject({ event: 'pause', actorName: '王师傅', note: '业主不在家' })
    expect((await s.must(OWNER)('ticket.get', { ticketId: t.id })).ticket.promise).toBe('计时已暂停：业主不在家')

    fireEvent.click(screen.getByText('恢复计时'))
    await waitFor(() => expect(toolsOf(container)).toEqual(['暂停计时']))
    expect(deadlineStatusOf(container, '到场时限')).toMatch(/^剩余 \d+ 分钟$/)
    expect(deadlineRow(container, '到场时限')?.querySelector('.deadline-item__paused')).toBeNull()
    expect(shownToast()).toBe('已恢复计时')
    const resumed = await serverTicket(t.id)
    expect(resumed.deadlines.find((d) => d.clock === 'onSite')).toMatchObject({ pausedAt: null, pauseReason: null })
    expect(resumed.timeline.at(-1)).toMatchObject({ event: 'resume', actorName: '王师傅' })
  })

  it('pauses with the technician’s own words under 其他原因', async () => {
    const t = await ticketAt(s, 'on_site')
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)

    fireEvent.click(await screen.findByText('暂停计时'))
    fireEvent.click(screen.getByText('其他原因'))
    fireEvent.click(screen.getByText('确认暂停'))
    expect(textOf(container, '.pause-form .error-notice')).toBe('请选择或填写暂停原因')
    typeInto($(container, '.pause-form__other .field-textarea__input'), '业主临时出差，约定周六上午上门')
    fireEvent.click(screen.getByText('确认暂停'))

    await waitFor(() => expect(deadlineStatusOf(container, '返单时限')).toBe('已暂停'))
    expect(deadlineStatusOf(container, '返单时限')).toBe('已暂停')
    expect((await serverTicket(t.id)).deadlines.find((d) => d.clock === 'return')?.pauseReason).toBe('业主临时出差，约定周六上午上门')
  })

  it('says why a pause was refused in the clock card, and reloads: paused meanwhile from another device', async () => {
    const t = await ticketAt(s, 'accepted')
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)
    fireEvent.click(await screen.findByText('暂停计时'))
    await s.must(PLUMBER)('task.pause', { ticketId: t.id, reason: '业主要求改约' })

    fireEvent.click(screen.getByText('业主不在家'))
    fireEvent.click(screen.getByText('确认暂停'))

    await waitFor(() => expect(textOf(container, '.clock-actions .error-notice')).toBe('工单当前状态不能进行此操作'))
    expect(textOf(container, '.task-actions .error-notice')).toBeUndefined()
    await waitFor(() => expect(toolsOf(container)).toEqual(['恢复计时']))
    expect(deadlineRow(container, '到场时限')?.querySelector('.deadline-item__paused')?.textContent).toMatch(/^暂停原因：业主要求改约。/)
    expect((await serverTicket(t.id)).timeline.filter((e) => e.event === 'pause')).toHaveLength(1)
  })

  it('tells 张管家 to report every 4 hours, when the next report is due, and restarts it on a report', async () => {
    const c = await submitComplaint(s)
    await s.must(KEEPER)('task.accept', { ticketId: c.id })
    // Five hours without a report: the 4-hour report is an hour late.
    await ageClock(c.id, 'progress', 5 * 3_600_000)
    const lateDue = (await s.must(KEEPER)('ticket.get', { ticketId: c.id })).ticket.deadlines.find((d) => d.clock === 'progress')!.dueAt
    setDevIdentity(KEEPER)
    setRouterParams({ id: c.id })
    const { container } = render(<StaffTaskPage />)

    expect(await screen.findByText('每4小时向前台汇报一次进展')).toBeTruthy()
    const notice = $(container, '.progress-notice')
    expect(notice.previousElementSibling?.classList.contains('ticket-header')).toBe(true) // said first
    expect(notice.classList.contains('staff-task__notice--late')).toBe(true)
    expect(textOf(container, '.progress-notice__due')).toBe(`本次汇报应在 ${formatShort(lateDue)} 前完成（已超时 1 小时），请尽快汇报。`)
    expect(deadlineStatusOf(container, '进展汇报时限')).toBe('已超时 1 小时')
    expect(toolsOf(container)).toEqual(['进展汇报', '暂停计时'])
    expect(buttonsOf(container)).toEqual([{ text: '处理完毕', primary: true }])

    fireEvent.click(screen.getByText('进展汇报'))
    expect(textOf(container, '.clock-actions .card__title')).toBe('进展汇报')
    expect(textOf(container, '.clock-actions .note-form .field-textarea__label')).toBe('进展情况')
    fireEvent.click(screen.getByText('提交汇报'))
    expect(textOf(container, '.clock-actions .note-form .error-notice')).toBe('请填写进展情况')
    typeInto($(container, '.clock-actions .note-form .field-textarea__input'), '已联系保洁主管，今天下午清理完毕')
    fireEvent.click(screen.getByText('提交汇报'))

    await waitFor(() => expect($(container, '.progress-notice').classList.contains('staff-task__notice--info')).toBe(true))
    expect(shownToast()).toBe('已汇报进展')
    const after = (await s.must(KEEPER)('ticket.get', { ticketId: c.id })).ticket
    const nextDue = after.deadlines.find((d) => d.clock === 'progress')!.dueAt
    expect(nextDue).toBeGreaterThan(Date.now() + 4 * 3_600_000 - 60_000)
    expect(textOf(container, '.progress-notice__due')).toBe(`下次汇报请在 ${formatShort(nextDue)} 前（剩余 4 小时）。`)
    expect(deadlineStatusOf(container, '进展汇报时限')).toBe('剩余 4 小时')
    expect(after.timeline.at(-1)).toMatchObject({ event: 'progress', eventLabel: '进展汇报', actorName: '张管家', note: '已联系保洁主管，今天下午清理完毕' })
    expect(toolsOf(container)).toEqual(['进展汇报', '暂停计时'])
  })

  it('sizes a public-area repair (current size marked) and reports what cannot be fixed yet with a date', async () => {
    const t = await submitRepair(s, { category: 'public_facility', area: 'public', description: '1栋楼道防火门关不上' })
    await s.must(MASON)('task.accept', { ticketId: t.id })
    setDevIdentity(MASON)
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)

    await screen.findByText('计时与汇报')
    expect(toolsOf(container)).toEqual(['暂停计时', '维修规模', '暂不能修复'])
    expect(textOf(container, '.public-size')).toBe('未确定，按小修（60分钟）计时')

    fireEvent.click($(container, '.task-classify'))
    expect(chipsOf(container, '.classify-form__sizes')).toEqual(['[小修60分钟·当前]', '中修3个工作日', '大修15个工作日'])
    fireEvent.click(screen.getByText('中修'))
    fireEvent.click(screen.getByText('确认规模'))
    await waitFor(() => expect(textOf(container, '.public-size')).toBe('中修（3个工作日内修复）'))
    expect(shownToast()).toBe('已确定维修规模')
    const sized = (await s.must(MASON)('ticket.get', { ticketId: t.id })).ticket
    expect(sized.publicSize).toBe('medium')
    expect(deadlineRow(container, '维修时限')?.querySelector('.deadline-item__due')?.textContent).toBe(
      `${formatShort(sized.deadlines.find((d) => d.clock === 'repair')!.dueAt)} 前`,
    )
    // Opened again, 中修 is the current one and choosing it again does nothing.
    fireEvent.click($(container, '.task-classify'))
    expect(chipsOf(container, '.classify-form__sizes')).toEqual(['小修60分钟', '[中修3个工作日·当前]', '大修15个工作日'])
    expect($(container, '.classify-form__confirm').classList.contains('app-button--inactive')).toBe(true)
    fireEvent.click(screen.getByText('返回'))

    fireEvent.click($(container, '.task-defer'))
    typeInto($(container, '.defer-form__reason .field-textarea__input'), '闭门器需要向厂家订货')
    fireEvent.click(screen.getByText('提交报告'))
    expect(textOf(container, '.defer-form .error-notice')).toBe('请选择预计修复日期')
    const date = formatDateValue(Date.now() + 7 * 24 * 3_600_000)
    act(() => {
      $(container, '.defer-form taro-picker-core').dispatchEvent(new CustomEvent('change', { detail: { value: date }, bubbles: true }))
    })
    fireEvent.click(screen.getByText('提交报告'))

    await waitFor(() => expect(textOf(container, '.deferral-text')).toBe(`闭门器需要向厂家订货；预计 ${formatMonthDay(chinaDateAt(date, 17, 30)!)} 修复`))
    expect((await s.must(MASON)('ticket.get', { ticketId: t.id })).ticket.deferral).toEqual({
      reason: '闭门器需要向厂家订货',
      expectedAt: chinaDateAt(date, 17, 30),
    })
    expect(toolsOf(container)).toEqual(['暂停计时', '维修规模']) // reported once
    expect(deadlineStatusOf(container, '暂不能修复报告时限')).toBe('已完成')
  })

  it('gives the handler the owner’s number to dial; the engineering lead reads it masked, with no 拨打', async () => {
    const t = await ticketAt(s, 'accepted')
    setRouterParams({ id: t.id })
    const first = render(<StaffTaskPage />)
    await screen.findByText(t.description, { selector: '.ticket-description' })
    expect(textOf(first.container, '.owner-card .contact-card__phone')).toBe('13800000001')
    expect(first.container.querySelector('.owner-card .contact-card__call')).not.toBeNull()
    first.unmount()

    setDevIdentity('demo-lead-ma')
    const { container } = render(<StaffTaskPage />)
    await screen.findByText(t.description, { selector: '.ticket-description' })
    expect(textOf(container, '.owner-card .contact-card__phone')).toBe('138****0001')
    expect(textOf(container, '.owner-card .contact-card__hint')).toBe('号码已隐藏，仅处理人和前台可见')
    expect(container.querySelector('.owner-card .contact-card__call')).toBeNull()
  })
})

describe('pendingUrge (the 业主已催办 marker)', () => {
  const entry = (event: string, at: number, from: TimelineEntry['from'], to: TimelineEntry['to']): TimelineEntry => ({
    at,
    actorName: '',
    actorKind: 'owner',
    event,
    eventLabel: '',
    from,
    to,
    note: '',
  })
  const submitted = entry('submit', 1, null, 'submitted')

  it('is none without an urge, or once the ticket moved on after it', () => {
    expect(pendingUrge([submitted, entry('dispatch', 2, 'submitted', 'dispatched')])).toBeNull()
    expect(pendingUrge([submitted, entry('dispatch', 2, 'submitted', 'dispatched'), entry('urge', 3, 'dispatched', 'dispatched'), entry('accept', 4, 'dispatched', 'accepted')])).toBeNull()
  })

  it('counts the urges since the last step, and routing does not answer them', () => {
    // Urged while nobody held it: routed at once, and the one it reaches must see the urge.
    expect(pendingUrge([submitted, entry('urge', 5, 'submitted', 'submitted'), entry('dispatch', 6, 'submitted', 'dispatched')])).toEqual({ at: 5, count: 1 })
    expect(
      pendingUrge([submitted, entry('urge', 2, 'submitted', 'submitted'), entry('dispatch', 3, 'submitted', 'dispatched'), entry('urge', 9, 'dispatched', 'dispatched')]),
    ).toEqual({ at: 9, count: 2 })
  })
})
