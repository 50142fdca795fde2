import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ActionInput } from '@/core/contract/actions'
import type { BindingView } from '@/core/contract/binding-actions'
import { setDevIdentity } from '@/services/dev-identity'
import StaffBindingsPage from '@/staff/bindings/index'
import StaffInboxPage from '@/staff/inbox/index'
import { $, hideToasts, modalButton, shownToast, typeInto } from '../helpers'
import { FRONT_DESK, PLUMBER, startPageStack, stopPageStack, SUPERVISOR, type TestStack } from '../stack'
import { currentRoute, resetRoute } from '../taro-page'

const KEEPER_A = 'demo-keeper-zhang' // 张管家, A区
const KEEPER_B = 'demo-keeper-li' // 李管家, B区

const ask = (over: Partial<ActionInput<'binding.request'>> = {}): ActionInput<'binding.request'> => ({
  communityId: 'c-tianli',
  building: '1栋',
  unit: '2单元',
  room: '1501',
  name: '孙先生',
  phone: '13512345678',
  relation: 'owner',
  ...over,
})

/** The page's buttons (the confirmation modal, hidden but still in the document, says 通过 too). */
const APPROVE = '.binding-approve .app-button__text'
const REJECT = '.binding-reject .app-button__text'

/** Cards on the page, by the room they are about (strings only: cheap to compare in waitFor). */
const placesShown = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('.binding-request .card__title')).map((e) => e.textContent)

const cardOf = (container: HTMLElement, place: string): HTMLElement => {
  const card = Array.from(container.querySelectorAll<HTMLElement>('.binding-request')).find((c) => c.querySelector('.card__title')?.textContent === place)
  if (!card) throw new Error(`no card for ${place}`)
  return card
}

describe('绑定审核 (staff/bindings/index) on the local stack', () => {
  let s: TestStack
  let seq = 0
  const newcomer = () => `wx-review-newcomer-${++seq}`
  /** A request by someone new, as the real function stores it. */
  const requested = async (over: Partial<ActionInput<'binding.request'>> = {}): Promise<BindingView> =>
    (await s.must(newcomer())('binding.request', ask(over))).request
  const stored = async (id: string) => (await s.db.collection('bindings').doc(id).get()).data[0]
  /** Clears every pending request (rejected by the supervisor), so a test starts from an empty list. */
  const clearPending = async () => {
    for (const r of (await s.must(SUPERVISOR)('binding.pending', {})).requests) {
      await s.must(SUPERVISOR)('binding.review', { bindingId: r.id, approve: false, reason: '测试清理' })
    }
  }

  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(async () => {
    process.env.FUNCTION_HOST = s.stack.url
    resetRoute()
    hideToasts()
    await clearPending()
  })
  afterEach(() => jest.restoreAllMocks())

  it('says when there is nothing to review', async () => {
    setDevIdentity(FRONT_DESK)
    render(<StaffBindingsPage />)
    expect(await screen.findByText('暂无待审核的绑定申请')).toBeTruthy()
  })

  it('the front desk sees every zone\'s requests, with the applicant to verify, and filters by zone', async () => {
    await requested({ building: '1栋', unit: '2单元', room: '1501', name: '孙先生' })
    await requested({ building: '3栋', unit: '1单元', room: '502', name: '周女士', relation: 'tenant', phone: '13712345678' })
    setDevIdentity(FRONT_DESK)
    const { container } = render(<StaffBindingsPage />)

    await waitFor(() => expect(placesShown(container)).toEqual(['1栋2单元1501', '3栋1单元502']))
    const card = cardOf(container, '3栋1单元502')
    expect(card.textContent).toContain('B区')
    expect(card.textContent).toContain('周女士（租户）')
    expect(card.textContent).toContain('13712345678')

    fireEvent.click(screen.getByText('B区', { selector: '.tabs__label' }))
    expect(placesShown(container)).toEqual(['3栋1单元502'])
    fireEvent.click(screen.getByText('全部 2', { selector: '.tabs__label' }))
    expect(placesShown(container)).toEqual(['1栋2单元1501', '3栋1单元502'])
  })

  it('approves after confirming: the request is approved on the server and leaves the list', async () => {
    const r = await requested({ room: '1601' })
    setDevIdentity(FRONT_DESK)
    const { container } = render(<StaffBindingsPage />)
    await waitFor(() => expect(placesShown(container)).toEqual(['1栋2单元1601']))

    fireEvent.click(screen.getByText('通过', { selector: APPROVE }))
    fireEvent.click(await waitFor(() => modalButton('再想想')))
    expect((await stored(r.id)).state).toBe('pending')

    fireEvent.click(screen.getByText('通过', { selector: APPROVE }))
    fireEvent.click(await waitFor(() => modalButton('通过')))
    await waitFor(() => expect(placesShown(container)).toEqual([]))
    expect(shownToast()).toBe('已通过')
    expect(await stored(r.id)).toMatchObject({ state: 'approved', reviewer: { staffId: 's-desk-chen', name: '陈前台' } })
    expect(screen.getByText('暂无待审核的绑定申请')).toBeTruthy()
  })

  it('a rejection asks for the reason first, then records it', async () => {
    const r = await requested({ room: '1701' })
    setDevIdentity(KEEPER_A)
    const { container } = render(<StaffBindingsPage />)
    await waitFor(() => expect(placesShown(container)).toEqual(['1栋2单元1701']))
    const sent = jest.spyOn(globalThis, 'fetch')

    fireEvent.click(screen.getByText('驳回', { selector: REJECT }))
    fireEvent.click(screen.getByText('确认驳回'))
    expect($(container, '.note-form .error-notice').textContent).toBe('请填写驳回原因')
    expect(sent.mock.calls.filter(([, init]) => String(init?.body).includes('binding.review'))).toEqual([])
    expect((await stored(r.id)).state).toBe('pending')

    typeInto($(container, '.note-form .field-textarea__input'), '业主档案中无此人')
    fireEvent.click(screen.getByText('确认驳回'))
    await waitFor(() => expect(placesShown(container)).toEqual([]))
    expect(shownToast()).toBe('已驳回')
    expect(await stored(r.id)).toMatchObject({ state: 'rejected', reason: '业主档案中无此人', reviewer: { name: '张管家' } })
  })

  it('a housekeeper sees only the requests of their zone', async () => {
    await requested({ building: '1栋', room: '1801' }) // A区
    await requested({ building: '4栋', unit: '1单元', room: '601' }) // B区
    setDevIdentity(KEEPER_B)
    const { container } = render(<StaffBindingsPage />)
    await waitFor(() => expect(placesShown(container)).toEqual(['4栋1单元601']))
    // One zone: no zone tabs.
    expect(container.querySelector('.tabs')).toBeNull()
  })

  it('when a colleague decided first, says so and shows the list as it is now', async () => {
    const r = await requested({ room: '1802' })
    setDevIdentity(FRONT_DESK)
    const { container } = render(<StaffBindingsPage />)
    await waitFor(() => expect(placesShown(container)).toEqual(['1栋2单元1802']))
    await s.must(KEEPER_A)('binding.review', { bindingId: r.id, approve: true })

    fireEvent.click(screen.getByText('驳回', { selector: REJECT }))
    typeInto($(container, '.note-form .field-textarea__input'), '信息不全')
    fireEvent.click(screen.getByText('确认驳回'))

    await waitFor(() => expect(shownToast()).toBe('该申请已处理或有更新，请刷新后查看'))
    await waitFor(() => expect(placesShown(container)).toEqual([]))
    expect(await stored(r.id)).toMatchObject({ state: 'approved', reviewer: { name: '张管家' } })
  })

  it('a technician is told they may not review', async () => {
    setDevIdentity(PLUMBER)
    render(<StaffBindingsPage />)
    expect(await screen.findByText('您没有权限进行此操作')).toBeTruthy()
  })
})

describe('the way in from 我的任务 (staff/inbox/index)', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    resetRoute()
  })

  it.each([FRONT_DESK, KEEPER_A, SUPERVISOR])('%s finds 房屋绑定审核 in the header', async (openid) => {
    setDevIdentity(openid)
    render(<StaffInboxPage />)
    fireEvent.click(await screen.findByText('房屋绑定审核'))
    expect(currentRoute()).toBe('/staff/bindings/index')
  })

  it('a technician does not', async () => {
    setDevIdentity(PLUMBER)
    render(<StaffInboxPage />)
    await screen.findByText('接收新任务提醒')
    expect(screen.queryByText('房屋绑定审核')).toBeNull()
  })
})
