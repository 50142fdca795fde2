import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Handover } from '@/core/duty/handover'
import { setDevIdentity } from '@/services/dev-identity'
import HandoverPage from '@/staff/handover/index'
import StaffInboxPage from '@/staff/inbox/index'
import { $, hideToasts, shownToast, typeInto } from '../helpers'
import { FRONT_DESK, PLUMBER, startPageStack, stopPageStack, ticketAt, type TestStack } from '../stack'
import { currentRoute, resetRoute } from '../taro-page'

const NIGHT_DESK = 'demo-desk-he'
const KEEPER = 'demo-keeper-zhang'

describe('交接班 (staff/handover/index) on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    resetRoute()
    hideToasts()
  })

  /** The handovers as stored, newest first. */
  const storedHandovers = async (): Promise<Handover[]> =>
    (await s.db.collection('handovers').orderBy('createdAt', 'desc').limit(50).get()).data as Handover[]

  it('陈前台 writes a handover: the notes, a callback ticked from the list and one typed by number', async () => {
    const waiting = await ticketAt(s, 'callback_pending')
    const other = await ticketAt(s, 'callback_pending', { description: '卫生间灯不亮' })
    setDevIdentity(FRONT_DESK)
    const { container } = render(<HandoverPage />)

    await screen.findByText('写交接')
    // The desk's callbacks still to make are offered to tick.
    const pick = await waitFor(() => {
      const row = Array.from(container.querySelectorAll('.handover-pick')).find((r) => r.textContent?.includes(waiting.no))
      if (!row) throw new Error('callback not offered')
      return row
    })
    expect(pick.textContent).toContain('待评价')
    fireEvent.click(pick)
    expect(pick.classList.contains('handover-pick--on')).toBe(true)

    // Nothing written yet: the form says so and sends nothing.
    fireEvent.click($(container, '.handover-submit'))
    expect(await screen.findByText('请填写交接事项')).toBeTruthy()
    expect(await storedHandovers()).toEqual([])

    typeInto($(container, '.handover-form__notes .field-textarea__input'), '林先生回访电话未接通，19:00 再打一次')
    typeInto($(container, '.handover-form__input'), `  ${other.no.toLowerCase()}，`)
    fireEvent.click($(container, '.handover-submit'))

    await waitFor(() => expect(shownToast()).toBe('已提交，等待下一班确认接班'))
    const [saved] = await storedHandovers()
    expect(saved).toMatchObject({ writer: { name: '陈前台' }, notes: '林先生回访电话未接通，19:00 再打一次', state: 'pending' })
    expect(saved.watch.map((w) => w.no)).toEqual([waiting.no, other.no])
    // Listed under 最近交接, waiting for the next shift; the form is empty again.
    const recent = await waitFor(() => $(container, '.handover-recent .handover-card'))
    expect(recent.textContent).toContain('待接班确认')
    expect(recent.querySelector('.handover-confirm')).toBeNull()
    expect(container.querySelectorAll('.handover-pick--on')).toHaveLength(0)
  })

  it('checks a typed number before sending it, and shows the server\'s word on one that is no ticket', async () => {
    setDevIdentity(FRONT_DESK)
    const { container } = render(<HandoverPage />)
    await screen.findByText('写交接')
    const before = (await storedHandovers()).length
    typeInto($(container, '.handover-form__notes .field-textarea__input'), '请跟进 1201 的报修')
    typeInto($(container, '.handover-form__input'), '1201')
    fireEvent.click($(container, '.handover-submit'))
    expect(await screen.findByText('工单号“1201”格式不正确，如 BX20261122-4F7K')).toBeTruthy()

    typeInto($(container, '.handover-form__input'), 'BX20200101-ZZZZ')
    fireEvent.click($(container, '.handover-submit'))
    await waitFor(() => expect(shownToast()).toBe('没有找到工单 BX20200101-ZZZZ，请核对工单号'))
    expect((await storedHandovers()).length).toBe(before)
  })

  it('何前台 of the next shift sees it first in her inbox, opens it and confirms (确认接班)', async () => {
    const { handover } = await s.must(FRONT_DESK)('duty.writeHandover', { notes: '前台备用钥匙已交保安室', watch: [] })
    setDevIdentity(NIGHT_DESK)
    const inbox = render(<StaffInboxPage />)
    const entry = await waitFor(() => $(inbox.container, '.handover-entry.duty-entry--alert'))
    expect(entry.textContent).toMatch(/^📋\d+ 条交接班待您确认接班陈前台 .*：/)
    fireEvent.click(entry)
    expect(currentRoute()).toBe('/staff/handover/index')
    inbox.unmount()

    const { container } = render(<HandoverPage />)
    const card = await waitFor(() => {
      const c = Array.from(container.querySelectorAll('.handover-to-confirm .handover-card')).find((x) => x.textContent?.includes('前台备用钥匙已交保安室'))
      if (!c) throw new Error('not listed to confirm')
      return c
    })
    expect(card.textContent).toContain('陈前台')
    fireEvent.click($(card, '.handover-confirm'))
    await waitFor(() => expect(shownToast()).toBe('已确认接班'))
    await waitFor(async () => expect((await storedHandovers()).find((h) => h._id === handover.id)).toMatchObject({ state: 'confirmed', confirmedBy: { name: '何前台' } }))
    // Now among the recent ones, confirmed by her.
    await waitFor(() =>
      expect(Array.from(container.querySelectorAll('.handover-recent .handover-card')).map((c) => c.textContent).join()).toContain('何前台 已于'),
    )
  })

  it('someone else confirmed it first: she is told who, and the list moves on', async () => {
    const { handover } = await s.must(FRONT_DESK)('duty.writeHandover', { notes: '大堂空调漏水已报工程', watch: [] })
    setDevIdentity(NIGHT_DESK)
    const { container } = render(<HandoverPage />)
    const card = await waitFor(() => {
      const c = Array.from(container.querySelectorAll('.handover-to-confirm .handover-card')).find((x) => x.textContent?.includes('大堂空调漏水'))
      if (!c) throw new Error('not listed to confirm')
      return c
    })
    // Meanwhile the same shift's other desk confirms it (a third desk added for this test).
    const chen = (await s.db.collection('staff').doc('s-desk-chen').get()).data[0]
    await s.db.collection('staff').add({ ...chen, _id: 's-desk-gao', openid: 'demo-desk-gao', name: '高前台', phone: '13900000020' })
    await s.must('demo-desk-gao')('duty.confirmHandover', { handoverId: handover.id, version: 1 })

    fireEvent.click($(card, '.handover-confirm'))
    await waitFor(() => expect(shownToast()).toBe('这条交接已由高前台确认接班，无需重复确认'))
    await waitFor(() =>
      expect(Array.from(container.querySelectorAll('.handover-to-confirm .handover-card')).some((c) => c.textContent?.includes('大堂空调漏水'))).toBe(false),
    )
  })

  it('the writer, and other posts, are never asked to confirm', async () => {
    await s.must(FRONT_DESK)('duty.writeHandover', { notes: '只给前台看的交接', watch: [] })
    for (const who of [FRONT_DESK, KEEPER, PLUMBER]) {
      setDevIdentity(who)
      const { container, unmount } = render(<HandoverPage />)
      await screen.findByText('最近交接')
      expect(container.querySelector('.handover-to-confirm')?.textContent ?? '').not.toContain('只给前台看的交接')
      expect(container.querySelector('.handover-confirm')).toBeNull()
      unmount()
    }
  })
})
