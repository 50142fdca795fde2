import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import DeskRegisterPage from '@/staff/desk/register/index'
import { $, hideToasts, sentInputs, shownToast, typeInto } from '../helpers'
import { FRONT_DESK, OWNER, PLUMBER, startPageStack, stopPageStack, type TestStack } from '../stack'
import { currentRoute, resetRoute } from '../taro-page'

type PickerElement = HTMLElement & { range?: string[] }

/** The picker of the owner search (楼栋, 单元, 房号), as the platform renders it. */
const pickerOf = (container: HTMLElement, field: 'building' | 'unit' | 'room'): PickerElement => {
  const el = container.querySelector(`taro-picker-core.find-${field}`) ?? container.querySelector(`.find-${field} taro-picker-core`)
  if (!el) throw new Error(`no picker for ${field}`)
  return el as PickerElement
}

/** Picks `text` as the picker sheet reports it: a change event with the chosen row's index. */
const pick = (container: HTMLElement, field: 'building' | 'unit' | 'room', text: string) => {
  const picker = pickerOf(container, field)
  const index = (picker.range ?? []).indexOf(text)
  if (index < 0) throw new Error(`${field} offers no ${text}: ${(picker.range ?? []).join(' ')}`)
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: index }, bubbles: true }))
  })
}

const errorAt = (container: HTMLElement, cls: string): string | null => container.querySelector(`.${cls}`)?.textContent ?? null

const TASK = /^\/staff\/task\/index\?id=([A-Za-z0-9_.-]+)$/

describe('代客登记 (staff/desk/register) on the local stack', () => {
  let s: TestStack
  const ticketCount = async () => (await s.db.collection('tickets').count()).total ?? 0

  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    setDevIdentity(FRONT_DESK)
    resetRoute()
    hideToasts()
  })
  afterEach(() => jest.restoreAllMocks())

  const renderPage = async () => {
    const utils = render(<DeskRegisterPage />)
    await screen.findByText('查找业主', { selector: '.app-button__text' })
    return utils
  }

  /** 陈前台 finds 林先生 at 1栋1单元1201 and chooses him. */
  const findLin = async (container: HTMLElement) => {
    pick(container, 'building', '1栋')
    pick(container, 'unit', '1单元')
    pick(container, 'room', '1201')
    fireEvent.click(screen.getByText('查找业主', { selector: '.app-button__text' }))
    fireEvent.click(await screen.findByText('1栋1单元1201', { selector: '.desk-resident__unit-place' }))
    await waitFor(() => expect(errorAt(container, 'picked-unit')).toBe('天利龙腾湾 1栋1单元1201'))
  }

  it('sends nothing and says under each field what is missing, the first as a toast', async () => {
    const { container } = await renderPage()
    const sent = jest.spyOn(globalThis, 'fetch')
    const before = await ticketCount()

    fireEvent.click(screen.getByText('提交登记'))
    expect(shownToast()).toBe('请先查找并选择业主')
    expect(errorAt(container, 'owner-error')).toBe('请先查找并选择业主')
    expect(errorAt(container, 'channel-error')).toBe('请选择受理方式：电话或到访')
    expect(errorAt(container, 'category-error')).toBe('请选择报修类别')
    expect(errorAt(container, 'description-error')).toBe('请填写问题描述')
    expect(sentInputs('desk.submitRepair', sent)).toEqual([])

    // Each message goes as soon as its field is filled in.
    fireEvent.click(screen.getByText('电话'))
    expect(errorAt(container, 'channel-error')).toBeNull()
    fireEvent.click(screen.getByText('水电'))
    expect(errorAt(container, 'category-error')).toBeNull()
    expect(await ticketCount()).toBe(before)
  })

  it('a complaint asks for its own fields: category, content and the reply time', async () => {
    const { container } = await renderPage()
    await findLin(container)
    fireEvent.click(screen.getByText('到访'))
    fireEvent.click(screen.getByText('投诉'))
    typeInto($(container, '.desk-about-staff'), '一二三四五六七八九十一二三四五六七八九十一')
    fireEvent.click(screen.getByText('提交登记'))
    expect(errorAt(container, 'owner-error')).toBeNull()
    expect(errorAt(container, 'category-error')).toBe('请选择投诉类别')
    expect(errorAt(container, 'description-error')).toBe('请填写投诉内容')
    expect(errorAt(container, 'about-staff-error')).toBe('被投诉人员不能超过20个字')
    expect(errorAt(container, 'reply-error')).toBe('请选择期望答复时间')
    expect(shownToast()).toBe('请选择投诉类别')
  })

  it('an IC card asks for the type and what to do, and checks the card number', async () => {
    const { container } = await renderPage()
    fireEvent.click(screen.getByText('IC卡'))
    typeInto($(container, '.desk-card-no'), '12#45')
    fireEvent.click(screen.getByText('提交登记'))
    expect(errorAt(container, 'type-error')).toBe('请选择卡片类型')
    expect(errorAt(container, 'action-error')).toBe('请选择办理事项')
    expect(errorAt(container, 'card-no-error')).toBe('卡号只能包含数字、字母，最多20位')
  })

  it('the owner search checks the room and the phone number before asking, and says when nobody is bound', async () => {
    const { container } = await renderPage()
    const sent = jest.spyOn(globalThis, 'fetch')
    fireEvent.click(screen.getByText('查找业主', { selector: '.app-button__text' }))
    expect(container.querySelector('.desk-find .error-notice')?.textContent).toBe('请选择楼栋')

    pick(container, 'building', '1栋')
    pick(container, 'unit', '1单元')
    pick(container, 'room', '1202')
    fireEvent.click(screen.getByText('查找业主', { selector: '.app-button__text' }))
    expect(await screen.findByText('1栋1单元1202暂无已绑定的业主或住户。请先为业主办理房屋绑定，审核通过后再登记。')).toBeTruthy()

    fireEvent.click(screen.getByText('按手机号查找'))
    await waitFor(() => $(container, '.find-phone input'))
    typeInto($(container, '.find-phone'), '1380000')
    fireEvent.click(screen.getByText('查找业主', { selector: '.app-button__text' }))
    expect(container.querySelector('.desk-find .error-notice')?.textContent).toBe('请填写正确的11位手机号')
    expect(sentInputs('desk.findByPhone', sent)).toEqual([])

    typeInto($(container, '.find-phone'), '13800000001')
    fireEvent.click(screen.getByText('查找业主', { selector: '.app-button__text' }))
    expect(await screen.findByText('13800000001', { selector: '.desk-resident__phone' })).toBeTruthy()
    // By phone every unit of his is offered.
    expect(Array.from(container.querySelectorAll('.desk-resident__unit-place')).map((e) => e.textContent)).toEqual(['1栋1单元1201', '4栋2单元301'])
  })

  it('registers a phone repair for 林先生: the server has it as his, by phone, by 陈前台, and the task page opens', async () => {
    const { container } = await renderPage()
    await findLin(container)
    fireEvent.click(screen.getByText('电话'))
    fireEvent.click(screen.getByText('水电'))
    typeInto($(container, '.desk-description .field-textarea__input'), '业主来电：卫生间地漏返水')
    fireEvent.click(screen.getByText('提交登记'))

    await waitFor(() => expect(currentRoute()).toMatch(TASK))
    expect(shownToast()).toBe('已为业主登记')
    const id = TASK.exec(currentRoute())![1]
    const { ticket } = await s.must(OWNER)('ticket.get', { ticketId: id })
    expect(ticket).toMatchObject({ description: '业主来电：卫生间地漏返水', channel: 'phone', registeredByName: '陈前台', place: '1栋1单元1201', state: 'dispatched' })
  })

  it('shows the server’s refusal to someone who may not register for owners', async () => {
    setDevIdentity(PLUMBER)
    const { container } = await renderPage()
    pick(container, 'building', '1栋')
    pick(container, 'unit', '1单元')
    pick(container, 'room', '1201')
    fireEvent.click(screen.getByText('查找业主', { selector: '.app-button__text' }))
    await waitFor(() =>
      expect(container.querySelector('.desk-find .error-notice')?.textContent).toBe('只有客服前台、管家、主任和项目负责人可以查找业主'),
    )
  })
})
