import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import BindingNewPage from '@/pages/binding/new'
import { $, hideToasts, shownToast, typeInto } from '../helpers'
import { GUEST, OWNER, startPageStack, stopPageStack, unreachableHost, type TestStack } from '../stack'
import { currentRoute, resetRoute } from '../taro-page'

type PickerElement = HTMLElement & { range?: string[] }

/** The choices the picker of a field offers (what its sheet would list). */
const choices = (container: HTMLElement, field: string): string[] =>
  ($(container, `.field-${field} taro-picker-core`) as PickerElement).range ?? []

/**
 * Picks `text` in the picker of a field, as the platform's picker sheet reports it: a `change`
 * event whose detail holds the index of the chosen row.
 */
const pick = (container: HTMLElement, field: string, text: string) => {
  const picker = $(container, `.field-${field} taro-picker-core`) as PickerElement
  const index = (picker.range ?? []).indexOf(text)
  if (index < 0) throw new Error(`${field} offers no ${text}: ${(picker.range ?? []).join(' ')}`)
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: index }, bubbles: true }))
  })
}

/** The error shown under a field, or null. */
const fieldError = (container: HTMLElement, field: string): string | null =>
  container.querySelector(`.field-${field} .form-field__error`)?.textContent ?? null

/**
 * Renders the page and waits until the form is there with its text inputs hydrated (Taro's H5
 * Input renders its inner <input> a tick after it is attached; typing before that only warns).
 */
const renderForm = async () => {
  const utils = render(<BindingNewPage />)
  await waitFor(() => {
    $(utils.container, '.binding-name input')
    $(utils.container, '.binding-phone input')
  })
  return utils
}

const ALL_FIELDS = ['building', 'unit', 'room', 'name', 'phone', 'relation'] as const

/** Binding requests a fetch spy saw sent (the layout and identity loads are not). */
const requestsSent = (sent: jest.SpyInstance) =>
  sent.mock.calls.filter(([url, init]) => String(url).endsWith('/functions/binding') && String(init?.body).includes('binding.request'))

describe('binding form (pages/binding/new) on the local stack', () => {
  let s: TestStack
  let seq = 0
  /** A WeChat user the stack has never seen (a guest). */
  const newcomer = () => `wx-page-newcomer-${++seq}`

  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    resetRoute()
    hideToasts()
  })
  afterEach(() => jest.restoreAllMocks())

  const fill = (container: HTMLElement, room = '302') => {
    pick(container, 'building', '2栋')
    pick(container, 'unit', '1单元')
    pick(container, 'room', room)
    typeInto($(container, '.binding-name'), '赵女士')
    typeInto($(container, '.binding-phone'), '13912345678')
    fireEvent.click(screen.getByText('租户'))
  }

  it('sends the request and shows 我的房屋, where the server has it pending', async () => {
    const guest = newcomer()
    setDevIdentity(guest)
    const { container } = await renderForm()
    expect(container.querySelector('.binding-new__community')?.textContent).toBe('天利龙腾湾')

    fill(container)
    fireEvent.click(screen.getByText('提交申请'))

    await waitFor(() => expect(currentRoute()).toBe('/pages/binding/index'))
    expect(shownToast()).toBe('已提交，请等待审核')
    const { requests } = await s.must(guest)('binding.mine', {})
    expect(requests).toEqual([
      expect.objectContaining({
        state: 'pending',
        name: '赵女士',
        phone: '13912345678',
        relation: 'tenant',
        unit: expect.objectContaining({ id: 'u-2-1-302', zone: 'A区' }),
      }),
    ])
  })

  it('offers the community\'s buildings, then that building\'s units, then that unit\'s rooms', async () => {
    setDevIdentity(newcomer())
    const { container } = await renderForm()

    expect(choices(container, 'building')).toEqual(['1栋', '2栋', '3栋', '4栋'])
    // Nothing to pick below until the level above is chosen.
    expect(container.querySelector('.field-unit taro-picker-core')).toBeNull()
    expect($(container, '.field-unit').textContent).toContain('请先选择楼栋')
    expect($(container, '.field-room').textContent).toContain('请先选择单元')

    pick(container, 'building', '2栋')
    expect(choices(container, 'unit')).toEqual(['1单元', '2单元'])
    pick(container, 'unit', '1单元')
    const rooms = choices(container, 'room')
    expect(rooms.slice(0, 4)).toEqual(['101', '102', '103', '201'])
    expect(rooms).not.toContain('401') // 2栋 has no 4th floor
    expect(rooms.at(-1)).toBe('1103')
    pick(container, 'room', '1103')
    expect($(container, '.field-room').textContent).toContain('1103')

    // Another building has other units and rooms: what was chosen below is cleared.
    pick(container, 'building', '4栋')
    expect($(container, '.field-unit').textContent).toContain('请选择单元')
    expect($(container, '.field-room').textContent).toContain('请先选择单元')
    pick(container, 'unit', '2单元')
    expect(choices(container, 'room')).toEqual(['101', '102', '201', '202', '301', '302'])
  })

  it('says next to every field what is missing, and sends nothing', async () => {
    setDevIdentity(newcomer())
    const { container } = await renderForm()
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real

    fireEvent.click(screen.getByText('提交申请'))
    expect(Object.fromEntries(ALL_FIELDS.map((f) => [f, fieldError(container, f)]))).toEqual({
      building: '请选择楼栋',
      unit: '请选择单元',
      room: '请选择房号',
      name: '请填写姓名',
      phone: '请填写手机号',
      relation: '请选择您与房屋的关系',
    })
    expect($(container, '.error-notice').textContent).toBe('请选择楼栋')
    expect(shownToast()).toBe('请选择楼栋')

    // Fixing a field takes its message away; the others stay until they are fixed.
    pick(container, 'building', '1栋')
    expect(fieldError(container, 'building')).toBeNull()
    expect(fieldError(container, 'unit')).toBe('请选择单元')
    pick(container, 'unit', '2单元')
    pick(container, 'room', '1801')
    fireEvent.click(screen.getByText('业主'))
    expect(fieldError(container, 'relation')).toBeNull()
    fireEvent.click(screen.getByText('提交申请'))
    expect(Object.fromEntries(ALL_FIELDS.map((f) => [f, fieldError(container, f)]))).toEqual({
      building: null,
      unit: null,
      room: null,
      name: '请填写姓名',
      phone: '请填写手机号',
      relation: null,
    })

    expect(requestsSent(sent)).toEqual([])
    expect(currentRoute()).toBe('')
  })

  it.each([
    ['a 10-digit phone', 'phone', '1391234567', '请填写正确的11位手机号'],
    ['a phone not starting 13–19', 'phone', '12912345678', '请填写正确的11位手机号'],
    ['a blank name', 'name', '   ', '请填写姓名'],
    ['a name of 21 characters', 'name', '赵'.repeat(21), '姓名不能超过20个字'],
  ])('refuses %s next to the field, without sending', async (_label, field, value, message) => {
    setDevIdentity(newcomer())
    const { container } = await renderForm()
    fill(container)
    const sent = jest.spyOn(globalThis, 'fetch')
    typeInto($(container, `.binding-${field}`), value)

    fireEvent.click(screen.getByText('提交申请'))
    expect(fieldError(container, field)).toBe(message)
    expect(ALL_FIELDS.filter((f) => f !== field).map((f) => fieldError(container, f))).toEqual([null, null, null, null, null])
    expect($(container, '.error-notice').textContent).toBe(message)
    expect(requestsSent(sent)).toEqual([])
  })

  it('shows the server\'s refusal (a request for this home waits already) and stays', async () => {
    const guest = newcomer()
    await s.must(guest)('binding.request', {
      communityId: 'c-tianli',
      building: '2栋',
      unit: '1单元',
      room: '302',
      name: '赵女士',
      phone: '13912345678',
      relation: 'tenant',
    })
    setDevIdentity(guest)
    const { container } = await renderForm()
    fill(container)
    fireEvent.click(screen.getByText('提交申请'))

    await waitFor(() => expect(container.querySelector('.error-notice')?.textContent).toBe('您已提交过该房屋的绑定申请，请耐心等待审核'))
    expect(shownToast()).toBe('您已提交过该房屋的绑定申请，请耐心等待审核')
    expect(currentRoute()).toBe('')
    expect((await s.must(guest)('binding.mine', {})).requests).toHaveLength(1)
  })

  it('an owner adding a home finds his name and phone filled in; his own home is refused', async () => {
    setDevIdentity(OWNER)
    const { container } = await renderForm()
    await waitFor(() => expect(($(container, '.binding-name') as HTMLElement & { value?: string }).value).toBe('林先生'))
    expect(($(container, '.binding-phone') as HTMLElement & { value?: string }).value).toBe('13800000001')

    pick(container, 'building', '1栋')
    pick(container, 'unit', '1单元')
    pick(container, 'room', '1201')
    fireEvent.click(screen.getByText('业主'))
    fireEvent.click(screen.getByText('提交申请'))
    await waitFor(() => expect(container.querySelector('.error-notice')?.textContent).toBe('您已绑定该房屋，无需重复申请'))
  })

  it('says the network is down, and sends once it is back', async () => {
    const guest = newcomer()
    setDevIdentity(guest)
    const { container } = await renderForm()
    fill(container, '303')
    process.env.FUNCTION_HOST = await unreachableHost()
    fireEvent.click(screen.getByText('提交申请'))
    await waitFor(() => expect(container.querySelector('.error-notice')?.textContent).toBe('网络不太顺畅，请稍后再试'))
    expect(currentRoute()).toBe('')

    process.env.FUNCTION_HOST = s.stack.url
    fireEvent.click(screen.getByText('提交申请'))
    await waitFor(() => expect(currentRoute()).toBe('/pages/binding/index'))
    expect((await s.must(guest)('binding.mine', {})).requests.map((r) => r.unit.room)).toEqual(['303'])
  })

  it('ignores a double tap: one request', async () => {
    const guest = newcomer()
    setDevIdentity(guest)
    const { container } = await renderForm()
    fill(container, '1001')
    const sent = jest.spyOn(globalThis, 'fetch')

    fireEvent.click(screen.getByText('提交申请'))
    fireEvent.click(screen.getByText('提交申请'))
    await waitFor(() => expect(currentRoute()).toBe('/pages/binding/index'))
    expect(requestsSent(sent)).toHaveLength(1)
  })

  it('shows a retry when the layout cannot be loaded', async () => {
    setDevIdentity(GUEST)
    process.env.FUNCTION_HOST = await unreachableHost()
    render(<BindingNewPage />)
    expect(await screen.findByText('网络不太顺畅，请稍后再试')).toBeTruthy()
    process.env.FUNCTION_HOST = s.stack.url
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('提交申请')).toBeTruthy()
  })
})
