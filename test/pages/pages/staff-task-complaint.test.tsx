import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import StaffTaskPage from '@/staff/task/index'
import { $, hideToasts, shownToast, typeInto } from '../helpers'
import { backdate, FRONT_DESK, startPageStack, stopPageStack, submitComplaint, type TestStack } from '../stack'
import { resetRoute, setRouterParams } from '../taro-page'

/** The housekeeper of zone A (林先生's 1栋), who takes his complaints. */
const KEEPER = 'demo-keeper-zhang'
/** The cleaning lead: 家政保洁 sub-tasks are his. */
const CLEANING_LEAD = 'demo-lead-sun'
const MINUTE = 60_000
const HOUR = 60 * MINUTE

const textOf = (container: HTMLElement, selector: string) => container.querySelector(selector)?.textContent
const textsOf = (container: HTMLElement, selector: string) => Array.from(container.querySelectorAll(selector)).map((e) => e.textContent)

describe('a complaint on the housekeeper’s task page: the progress prompt and 协办', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    setDevIdentity(KEEPER)
    hideToasts()
    resetRoute()
  })

  /** 林先生's complaint taken by 张管家, then `ago` earlier as if it had been taken that long ago. */
  const takenAgo = async (ago: number) => {
    const c = await submitComplaint(s)
    await s.must(KEEPER)('task.accept', { ticketId: c.id })
    if (ago > 0) await backdate(s, c.id, ago)
    return c
  }
  const open = (id: string) => {
    setRouterParams({ id })
    return render(<StaffTaskPage />)
  }
  const serverTicket = async (id: string, who = KEEPER) => (await s.must(who)('ticket.get', { ticketId: id })).ticket

  it('says nothing urgent while the next report is more than an hour away', async () => {
    const c = await takenAgo(2 * HOUR)
    const { container } = open(c.id)
    await screen.findByText('每4小时向前台汇报一次进展')
    expect($(container, '.progress-notice').classList.contains('staff-task__notice--info')).toBe(true)
    expect(textOf(container, '.progress-prompt__headline')).toBeUndefined()
    expect(textOf(container, '.progress-prompt__form')).toBeUndefined()
  })

  it('within the hour: “距下次进展汇报还有 35 分钟” at the top, with the form right there; a report clears it', async () => {
    const c = await takenAgo(3 * HOUR + 25 * MINUTE)
    const { container } = open(c.id)

    await waitFor(() => expect(textOf(container, '.progress-prompt__headline')).toBe('距下次进展汇报还有 35 分钟'))
    const notice = $(container, '.progress-notice')
    expect(notice.previousElementSibling?.classList.contains('ticket-header')).toBe(true) // said first
    expect(notice.classList.contains('staff-task__notice--due')).toBe(true)
    expect(textOf(container, '.progress-prompt__hint')).toBe('汇报内容会显示在业主的处理进度中，前台也能看到。')

    fireEvent.click(screen.getByText('提交进展汇报'))
    expect(textOf(container, '.progress-prompt__form .error-notice')).toBe('请填写进展情况')
    expect((await serverTicket(c.id)).timeline.some((e) => e.event === 'progress')).toBe(false)

    typeInto($(container, '.progress-prompt__field .field-textarea__input'), '已联系保洁主管，今天下午清理完毕')
    fireEvent.click(screen.getByText('提交进展汇报'))
    // Strings, not elements, in the wait: formatting a failed element match (React fiber and all) starves the stack.
    await waitFor(() => expect(textOf(container, '.progress-prompt__headline')).toBeUndefined())
    expect(shownToast()).toBe('已汇报进展')
    expect($(container, '.progress-notice').classList.contains('staff-task__notice--info')).toBe(true)
    expect(textOf(container, '.progress-notice__due')).toMatch(/（剩余 4 小时）。$/)
    // The owner reads the report in his timeline.
    const owners = (await s.must('demo-owner-lin')('ticket.get', { ticketId: c.id })).ticket
    expect(owners.timeline.at(-1)).toMatchObject({ eventLabel: '进展汇报', actorName: '张管家', note: '已联系保洁主管，今天下午清理完毕' })
  })

  it('overdue: “已超过4小时未向业主汇报进展”, in red, with the form', async () => {
    const c = await takenAgo(4 * HOUR + 30 * MINUTE)
    const { container } = open(c.id)
    await waitFor(() => expect(textOf(container, '.progress-prompt__headline')).toBe('已超过4小时未向业主汇报进展'))
    expect($(container, '.progress-notice').classList.contains('staff-task__notice--late')).toBe(true)
    expect(textOf(container, '.progress-notice__due')).toMatch(/（已超时 30 分钟），请尽快汇报。$/)
    expect(textOf(container, '.progress-prompt__form')).toMatch(/提交进展汇报/)
  })

  it('is not prompted while the clocks are paused, nor to the front desk, who follows without reporting', async () => {
    const c = await takenAgo(3 * HOUR + 30 * MINUTE)
    await s.must(KEEPER)('task.pause', { ticketId: c.id, reason: '业主出差' })
    const paused = open(c.id)
    await waitFor(() => expect(textOf(paused.container, '.progress-notice__due')).toBe('计时已暂停，恢复计时后请继续按时汇报。'))
    expect(textOf(paused.container, '.progress-prompt__headline')).toBeUndefined()
    paused.unmount()

    const due = await takenAgo(3 * HOUR + 30 * MINUTE)
    setDevIdentity(FRONT_DESK)
    const { container } = open(due.id)
    await screen.findByText('投诉信息')
    expect(textOf(container, '.progress-notice')).toBeUndefined()
  })

  it('安排协办: 张管家 sends cleaning a sub-task; it is listed with its live state and who has it', async () => {
    const c = await takenAgo(0)
    const { container } = open(c.id)
    await screen.findByText('安排协办')
    expect(textOf(container, '.subtask-section__empty')).toMatch(/^需要工程部、清洁部或绿化部协助时/)

    fireEvent.click(screen.getByText('安排协办'))
    expect(textOf(container, '.subtask-section .card__title')).toBe('安排协办')
    fireEvent.click(screen.getByText('派出协办单'))
    expect(textOf(container, '.subtask-form .error-notice')).toBe('请选择协办类别')
    fireEvent.click(screen.getByText('家政保洁'))
    fireEvent.click(screen.getByText('公共区域'))
    fireEvent.click(screen.getByText('派出协办单'))
    expect(textOf(container, '.subtask-form .error-notice')).toBe('请填写协办内容')
    typeInto($(container, '.subtask-form__description .field-textarea__input'), '1栋1单元楼道垃圾请今天下午清理干净')
    fireEvent.click(screen.getByText('派出协办单'))

    await waitFor(() => expect(textsOf(container, '.subtask-row__title')).toEqual(['🧹 家政保洁 · 清洁部']))
    expect(shownToast()).toBe('已派出协办单')
    expect(textOf(container, '.subtask-row__state')).toBe('已派单')
    expect(textOf(container, '.subtask-row__who')).toMatch(/^公共区域 · 孙组长处理 · /)
    const sub = (await serverTicket(c.id)).subtasks![0]
    expect(textOf(container, '.subtask-row__no')).toBe(`${sub.no} ›`)
    expect(textOf(container, '.subtask-row__text')).toBe('1栋1单元楼道垃圾请今天下午清理干净')

    // 孙组长 opens it: where it came from.
    setDevIdentity(CLEANING_LEAD)
    const his = open(sub.id)
    await waitFor(() => expect(textOf(his.container, '.subtask-parent__text')).toBe(`本单是投诉 ${c.no} 的协办单，由张管家安排。`))
    expect(textOf(his.container, '.subtask-add')).toBeUndefined()
  })

  it('处理完毕 with a sub-task still open: the form names it and the button asks for confirmation', async () => {
    const c = await takenAgo(0)
    await s.must(KEEPER)('task.subtask', { ticketId: c.id, category: 'doors_windows', area: 'public', description: '单元门闭门器坏了' })
    const { container } = open(c.id)
    fireEvent.click(await screen.findByText('处理完毕'))
    const sub = (await serverTicket(c.id)).subtasks![0]
    expect(textOf(container, '.open-subtasks__title')).toBe('还有 1 个协办单未完成')
    expect(textsOf(container, '.open-subtasks__item')).toEqual([`${sub.no} · 工程部 · 已派单`])
    typeInto($(container, '.note-form .field-textarea__input'), '已安排工程部更换闭门器，已向业主说明')
    fireEvent.click(screen.getByText('仍确认处理完毕'))
    await waitFor(() => expect(textOf(container, '.ticket-state')).toBe('待评价'))
    expect((await serverTicket(c.id)).state).toBe('callback_pending')
    // The sub-task goes on, listed with its state.
    expect(textOf(container, '.subtask-row__state')).toBe('已派单')
    expect(textOf(container, '.subtask-add')).toBeUndefined()
  })

  it('the front desk follows the sub-tasks but may not raise one', async () => {
    const c = await takenAgo(0)
    await s.must(KEEPER)('task.subtask', { ticketId: c.id, category: 'household_greening', area: 'public', description: '楼下绿化带树枝挡窗，请修剪' })
    setDevIdentity(FRONT_DESK)
    const { container } = open(c.id)
    await waitFor(() => expect(textsOf(container, '.subtask-row__title')).toEqual(['🌿 绿化养护 · 绿化部']))
    expect(textOf(container, '.subtask-row__who')).toMatch(/^公共区域 · 钱组长处理/)
    expect(textOf(container, '.subtask-add')).toBeUndefined()
  })
})
