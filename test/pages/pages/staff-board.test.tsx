import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import DutyBoardPage from '@/staff/board/index'
import StaffInboxPage from '@/staff/inbox/index'
import { $ } from '../helpers'
import { backdate, FRONT_DESK, PLUMBER, startPageStack, stopPageStack, submitRepair, SUPERVISOR, type TestStack } from '../stack'
import { currentRoute, resetRoute, setRouterParams } from '../taro-page'


/** One person's row on the board, by name. */
const rowOf = (container: HTMLElement, name: string): HTMLElement => {
  const row = Array.from(container.querySelectorAll<HTMLElement>('.board-person')).find((r) => r.querySelector('.board-person__name')?.textContent === name)
  if (!row) throw new Error(`no row for ${name}`)
  return row
}
const tileValue = (container: HTMLElement, key: string) => $(container, `.duty-board__tile--${key} .duty-board__tile-value`).textContent

describe('在岗与负荷 (staff/board/index) on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    resetRoute()
  })

  it('shows each team with who is on duty, their load against the cap and whether a reminder reaches them', async () => {
    setDevIdentity(SUPERVISOR)
    const { container } = render(<DutyBoardPage />)
    await waitFor(() => expect(container.querySelectorAll('.duty-board__team')).toHaveLength(5))
    expect(Array.from(container.querySelectorAll('.duty-board__team > .card__header .card__title')).map((e) => e.textContent)).toEqual([
      '客服中心',
      '工程部',
      '清洁部',
      '绿化部',
      '管理处',
    ])
    const wang = rowOf(container, '王师傅')
    expect(wang.querySelector('.board-person__role')?.textContent).toBe('维修师傅 · 水电工')
    expect(wang.querySelector('.board-person__duty')?.textContent).toBe('在岗')
    expect(wang.querySelector('.board-person__count')?.textContent).toBe('手上 0/30 单')
    expect(wang.querySelector('.board-person__reach')?.textContent).toBe('可微信提醒（剩余5次）')
    // 何前台 has not turned reminders on: shown as reachable in the app only.
    const he = rowOf(container, '何前台')
    expect(he.querySelector('.board-person__reach')?.textContent).toBe('提醒次数已用完，仅站内通知')
    expect(he.querySelector('.board-person__reach')?.classList.contains('board-person__reach--none')).toBe(true)
    expect(tileValue(container, 'late')).toBe('0')
    expect(tileValue(container, 'pool')).toBe('0')
  })

  it('follows the work: a task in hand, a breach (已超时) and the handover nobody confirmed yet', async () => {
    const leak = await submitRepair(s, { description: '卫生间漏水' })
    // Twenty minutes ago: its on-site clock (15 minutes) ran out; the sweep escalates it.
    await backdate(s, leak.id, 20 * 60_000)
    expect(await s.post('sweep', { Type: 'Timer', TriggerName: 'everyMinute', Time: new Date().toISOString(), Message: '' })).toMatchObject({ ok: true })
    await s.must(FRONT_DESK)('duty.writeHandover', { notes: '1201 回访未接通，晚上再打', watch: [] })

    setDevIdentity(SUPERVISOR)
    const { container } = render(<DutyBoardPage />)
    const wang = await waitFor(() => rowOf(container, '王师傅'))
    expect(wang.querySelector('.board-person__count')?.textContent).toBe('手上 1/30 单')
    expect(wang.querySelector('.board-person__late')?.textContent).toBe('超时 1 单')
    expect(tileValue(container, 'late')).toBe('1')
    expect($(container, '.duty-board__tile--late').classList.contains('duty-board__tile--alert')).toBe(true)
    expect(tileValue(container, 'handover')).toBe('1')
    const handover = $(container, '.duty-board__handovers .handover-card')
    expect(handover.textContent).toContain('1201 回访未接通，晚上再打')
    expect(handover.textContent).toContain('待接班确认')
    // The supervisor reads it; confirming is the next front desk's.
    expect(handover.querySelector('.handover-confirm')).toBeNull()
  })

  it('已超时 and 待协调 open the inbox on that tab', async () => {
    setDevIdentity(SUPERVISOR)
    const { container } = render(<DutyBoardPage />)
    fireEvent.click(await waitFor(() => $(container, '.duty-board__tile--late')))
    expect(currentRoute()).toBe('/staff/inbox/index?tab=late')
    fireEvent.click($(container, '.duty-board__tile--pool'))
    expect(currentRoute()).toBe('/staff/inbox/index?tab=pool')

    setRouterParams({ tab: 'late' })
    const inbox = render(<StaffInboxPage />)
    await waitFor(() => expect(inbox.container.querySelector('.tabs__item--selected')?.textContent).toBe('已超时'))
    await waitFor(() => expect(inbox.container.querySelectorAll('.task-card').length).toBeGreaterThan(0))
    // The supervisor's inbox leads back to the board.
    fireEvent.click($(inbox.container, '.board-entry'))
    expect(currentRoute()).toBe('/staff/board/index')
  })

  it('is the supervisor\'s and the manager\'s only', async () => {
    setDevIdentity(PLUMBER)
    render(<DutyBoardPage />)
    expect(await screen.findByText('只有客服主任和项目负责人可以查看在岗与负荷')).toBeTruthy()
  })
})
