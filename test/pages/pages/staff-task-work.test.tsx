// The technician's own steps on the staff task page, on the local stack: 接单 and 返单 ask for
// the role's reminders again (best effort), 返单 of a repair needs a photo of the result (said
// next to the field; the owner then sees it), 工作备注 with photos, and 改约 agreed with the owner.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setDevIdentity } from '@/services/dev-identity'
import StaffTaskPage from '@/staff/task/index'
import TicketDetailPage from '@/pages/ticket/detail'
import { chinaDayStart, DAY_MS, HOUR_MS } from '@/utils/time'
import { $, hideToasts, shownToast, typeInto } from '../helpers'
import { OWNER, PLUMBER, startPageStack, stopPageStack, submitComplaint, ticketAt, type TestStack } from '../stack'
import { resetRoute, setRouterParams } from '../taro-page'

const KEEPER = 'demo-keeper-zhang'
const UPLOAD_WAIT = { timeout: 5000 }

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 400 }, (_, i) => i % 251)])

/** The user picks one PNG in the album (Taro's H5 chooseMedia answers with it; the upload is real). */
const userPicksPhoto = () =>
  jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({
    tempFiles: [
      {
        tempFilePath: `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`,
        size: PNG.length,
        duration: 0,
        height: 0,
        width: 0,
        thumbTempFilePath: '',
        fileType: 'image/png',
        originalFileObj: new File([PNG], 'result.png', { type: 'image/png' }),
      },
    ],
    type: 'image',
    errMsg: 'chooseMedia:ok',
  })

const tap = (el: Element) =>
  act(async () => {
    fireEvent.click(el)
  })

describe('staff task page: the technician’s work', () => {
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
  afterEach(() => jest.restoreAllMocks())

  const serverTicket = async (ticketId: string, as = PLUMBER) => (await s.must(as)('ticket.get', { ticketId })).ticket
  const credits = async (openid: string) => {
    const { identity } = await s.must(openid)('session.whoami', {})
    if (identity.kind !== 'staff') throw new Error('not staff')
    return identity.credits
  }
  const shownState = (container: HTMLElement) => container.querySelector('.ticket-state')?.textContent
  const reminders = (c: Record<string, number>) => [c.task_assigned, c.task_reopened, c.ticket_cancelled]

  it('接单 asks for his reminders again: one more of each, and the task is his', async () => {
    const t = await ticketAt(s, 'dispatched')
    const before = await credits(PLUMBER)
    setRouterParams({ id: t.id })
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real
    const { container } = render(<StaffTaskPage />)
    await screen.findByText('接单', { selector: '.app-button__text' })
    // The page has learnt his role before the tap (the ask must open from the tap itself).
    await act(async () => {
      await Promise.all(sent.mock.results.map((r) => r.value))
    })
    expect(sent.mock.calls.some(([url]) => String(url).endsWith('/functions/session'))).toBe(true)

    fireEvent.click(screen.getByText('接单'))

    await waitFor(() => expect(shownState(container)).toBe('已接单'))
    const after = await credits(PLUMBER)
    // 接单 itself takes no credit: the owner is told, not him.
    expect(reminders(after)).toEqual(reminders(before).map((n) => n + 1))
    expect((await serverTicket(t.id)).state).toBe('accepted')
  })

  it('返单 of a repair without a photo says so next to the photo field and sends nothing; with one it is returned and the owner sees it', async () => {
    const t = await ticketAt(s, 'on_site')
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)
    fireEvent.click(await screen.findByText('完工返单'))
    typeInto($(container, '.finish-form .field-textarea__input'), '已更换阀芯，试水正常')
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real

    fireEvent.click(screen.getByText('确认完工'))

    expect(await screen.findByText('请上传至少一张维修结果照片')).toBeTruthy()
    expect($(container, '.result-photo-picker .photo-picker__error').textContent).toBe('请上传至少一张维修结果照片')
    expect(sent.mock.calls.filter(([url]) => String(url).endsWith('/functions/task'))).toEqual([])
    expect((await serverTicket(t.id)).state).toBe('on_site')

    const before = await credits(PLUMBER)
    userPicksPhoto()
    await tap($(container, '.result-photo-picker .photo-picker__add'))
    await waitFor(() => expect(container.querySelectorAll('.result-photo-picker .photo-picker__photo')).toHaveLength(1), UPLOAD_WAIT)
    expect(container.querySelector('.result-photo-picker .photo-picker__error')).toBeNull()
    fireEvent.click(screen.getByText('确认完工'))

    await waitFor(() => expect(shownState(container)).toBe('待评价'))
    const after = await serverTicket(t.id)
    expect(after.resultPhotos).toHaveLength(1)
    // Stored as a reference, served as a short-lived link to private storage.
    expect(after.resultPhotos[0]).toMatch(/^\/_local\/storage\/photos\/[0-9a-f]{32}\.png\?expires=/)
    expect(after.timeline.at(-2)).toMatchObject({ event: 'finish', note: '已更换阀芯，试水正常' })
    // 返单 asked for his reminders again; the return itself took none of his.
    expect(reminders(await credits(PLUMBER))).toEqual(reminders(before).map((n) => n + 1))
    // The task page shows the result photos with the repair.
    expect(container.querySelectorAll('.repair-section .result-photos .photo-grid__tile')).toHaveLength(1)

    // 林先生 sees 处理结果照片 on his detail page, above the rating.
    setDevIdentity(OWNER)
    const owner = render(<TicketDetailPage />)
    await waitFor(() => expect(owner.container.querySelector('.result-photos-section .card__title')?.textContent).toBe('处理结果照片'))
    expect(owner.container.querySelectorAll('.result-photos-section .photo-grid__tile')).toHaveLength(1)
    const sections = Array.from(owner.container.querySelectorAll('.card')).map((c) => c.className)
    expect(sections.findIndex((c) => c.includes('result-photos-section'))).toBeLessThan(sections.findIndex((c) => c.includes('rating-section')))
  })

  it('a complaint is handled without photos: its form has no photo field', async () => {
    const t = await submitComplaint(s, { description: '电梯厅灯一直不亮' })
    await s.must(KEEPER)('task.accept', { ticketId: t.id })
    setDevIdentity(KEEPER)
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)
    fireEvent.click(await screen.findByText('处理完毕'))
    expect(container.querySelector('.result-photo-picker')).toBeNull()
    typeInto($(container, '.finish-form .field-textarea__input'), '已通知工程部更换灯管')
    fireEvent.click(screen.getByText('确认处理完毕'))
    await waitFor(() => expect(shownState(container)).toBe('待评价'))
  })

  it('工作备注: refuses an empty note next to the field, saves one with a photo, and lists it for staff only', async () => {
    const t = await ticketAt(s, 'accepted')
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)
    await screen.findByText('添加备注')
    expect($(container, '.work-notes .work-notes__empty').textContent).toBe('记录上门、沟通等情况，方便同事和前台跟进。')

    fireEvent.click(screen.getByText('添加备注'))
    fireEvent.click(screen.getByText('保存备注'))
    expect($(container, '.work-note-form .error-notice').textContent).toBe('请填写工作备注')

    typeInto($(container, '.work-note-form .field-textarea__input'), '业主不在家，已约好明早九点')
    userPicksPhoto()
    await tap($(container, '.work-note-form .photo-picker__add'))
    await waitFor(() => expect(container.querySelectorAll('.work-note-form .photo-picker__photo')).toHaveLength(1), UPLOAD_WAIT)
    fireEvent.click(screen.getByText('保存备注'))

    await waitFor(() => expect(container.querySelector('.work-notes__item .work-notes__text')?.textContent).toBe('业主不在家，已约好明早九点'))
    expect(shownToast()).toBe('备注已保存')
    expect(container.querySelector('.work-note-form')).toBeNull()
    expect(container.querySelectorAll('.work-notes__item .photo-grid__tile')).toHaveLength(1)
    expect(shownState(container)).toBe('已接单')
    const staffSide = await serverTicket(t.id)
    expect(staffSide.timeline.at(-1)).toMatchObject({ event: 'note', note: '业主不在家，已约好明早九点', photos: [expect.stringMatching(/^\/_local\/storage\/photos\//)] })
    // Not in the owner's timeline.
    expect((await serverTicket(t.id, OWNER)).timeline.map((e) => e.event)).not.toContain('note')
  })

  it('改约: asks for the new slot, the owner’s agreement and a reason next to each field, then moves the appointment', async () => {
    const t = await ticketAt(s, 'accepted')
    setRouterParams({ id: t.id })
    const { container } = render(<StaffTaskPage />)
    fireEvent.click(await screen.findByText('改约上门时间'))
    expect($(container, '.task-actions .card__title').textContent).toBe('改约上门时间')
    expect($(container, '.reschedule-form__current').textContent).toBe('原定：尽快上门（未预约）')
    // Only a day and a slot: no 尽快上门 here.
    expect(screen.queryByText('尽快上门')).toBeNull()

    fireEvent.click(screen.getByText('确认改约'))
    const errors = () => Array.from(container.querySelectorAll('.reschedule-form .form-field__error')).map((e) => e.textContent)
    expect(errors()).toEqual(['请选择新的上门日期和时段', '请填写改约原因', '请先与业主电话确认新的上门时间'])
    expect((await serverTicket(t.id)).timeline.at(-1)?.event).toBe('accept')

    const chip = (text: string) => Array.from(container.querySelectorAll('.reschedule-form .chip')).find((c) => c.querySelector('.chip__label')?.textContent === text)!
    fireEvent.click(chip('明天'))
    fireEvent.click(chip('下午'))
    typeInto($(container, '.reschedule-form__reason .field-textarea__input'), '配件明天才到货')
    fireEvent.click($(container, '.reschedule-form .toggle'))
    expect(errors()).toEqual([])
    fireEvent.click(screen.getByText('确认改约'))

    const tomorrow = chinaDayStart(Date.now()) + DAY_MS
    const expected = { start: tomorrow + 14 * HOUR_MS, end: tomorrow + 18 * HOUR_MS }
    await waitFor(async () => expect((await serverTicket(t.id)).appointment).toEqual(expected))
    expect(shownToast()).toBe('已改约')
    await waitFor(() => expect(container.querySelector('.reschedule-form')).toBeNull())
    expect($(container, '.ticket-appointment').textContent).toMatch(/^预约 \d{2}-\d{2} 周. 14:00-18:00$/)
    expect($(container, '.ticket-rescheduled').textContent).toBe('已改约（原定尽快上门）：配件明天才到货')
    expect((await serverTicket(t.id)).deadlines.find((d) => d.clock === 'onSite')?.dueAt).toBe(expected.end)
  })
})
