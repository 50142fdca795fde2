import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import CardNewPage from '@/pages/card/new'
import TicketDetailPage from '@/pages/ticket/detail'
import { $, hideToasts, openedTicketId, sentInputs, shownToast, typeInto } from '../helpers'
import { GUEST, LIN_UNIT, OWNER, startPageStack, stopPageStack, type TestStack } from '../stack'
import { currentRoute, resetRoute, setRouterParams } from '../taro-page'




describe('IC card form (pages/card/new) on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    setDevIdentity(OWNER)
    setRouterParams({})
    resetRoute()
    hideToasts()
  })
  afterEach(() => jest.restoreAllMocks())

  const fieldError = (container: HTMLElement, cls: string) => container.querySelector(`.${cls}`)?.textContent ?? null
  const activeAction = (container: HTMLElement) => container.querySelector('.card-action-picker .chip--active')?.textContent ?? null

  it('checks every field before sending, explains custody, the loss-first rule and the reissue fee', async () => {
    const { container } = render(<CardNewPage />)
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real

    fireEvent.click(await screen.findByText('提交申请'))
    expect(fieldError(container, 'type-error')).toBe('请选择卡片类型')
    expect(fieldError(container, 'action-error')).toBe('请选择办理事项')
    expect(fieldError(container, 'unit-error')).toBeNull() // his first unit is preselected
    expect(shownToast()).toBe('请选择卡片类型')

    fireEvent.click(screen.getByText('水卡'))
    fireEvent.click(screen.getByText('开通/领卡'))
    expect(fieldError(container, 'type-error')).toBeNull()
    expect(fieldError(container, 'action-error')).toBeNull()
    // 开通: the number is optional and custody is offered, with what it means.
    expect(screen.getByText('卡号（选填）')).toBeTruthy()
    expect(screen.getByRole('switch', { name: '委托代管' })).toBeTruthy()
    expect(container.textContent).toContain('需与我们签订《委托代管协议》')

    typeInto($(container, '.card-no-input'), 'A1#2')
    typeInto($(container, '.card-note .field-textarea__input'), '说'.repeat(201))
    fireEvent.click(screen.getByText('提交申请'))
    expect(fieldError(container, 'card-no-error')).toBe('卡号只能包含数字、字母，最多20位')
    expect(fieldError(container, 'note-error')).toBe('补充说明不能超过200个字')

    // 挂失: the number is encouraged, custody is gone (nothing to hold), the way to a new card is said.
    fireEvent.click(screen.getByText('挂失'))
    expect(screen.getByText('卡号（建议填写）')).toBeTruthy()
    expect(screen.queryByRole('switch', { name: '委托代管' })).toBeNull()
    expect(container.querySelector('.card-lost-notice')?.textContent).toContain('补办需先挂失')

    // 补办: the fee before submitting.
    fireEvent.click(screen.getByText('补办'))
    expect(container.querySelector('.card-fee-notice')?.textContent).toContain('补办需缴纳成本费 50 元，请到客服前台缴纳')
    expect(container.querySelector('.card-fee-notice')?.textContent).toContain('补办需先挂失')

    expect(sentInputs('card.submit', sent)).toEqual([])
    expect(currentRoute()).toBe('')

    // The messages are the server's own for the same values.
    const reply = await s.as(OWNER)('card.submit', { unitId: LIN_UNIT, type: 'water', action: 'open', cardNo: 'A1#2' })
    expect(reply.ok ? null : reply.message).toBe('卡号只能包含数字、字母，最多20位')
    const long = await s.as(OWNER)('card.submit', { unitId: LIN_UNIT, type: 'water', action: 'open', note: '说'.repeat(201) })
    expect(long.ok ? null : long.message).toBe('补充说明不能超过200个字')
  })

  it('a reissue without a loss report: the server\'s message at the action, 先去挂失, then the reissue goes through with its fee', async () => {
    const first = render(<CardNewPage />)
    let { container } = first

    fireEvent.click(await screen.findByText('停车卡'))
    fireEvent.click(screen.getByText('补办'))
    typeInto($(container, '.card-no-input'), 'P88001')
    fireEvent.click(screen.getByText('提交申请'))

    await waitFor(() => expect(fieldError(container, 'action-error')).toBe('补办前需要先挂失这张卡，请先提交挂失'))
    expect(shownToast()).toBe('补办前需要先挂失这张卡，请先提交挂失')
    expect(container.querySelector('.error-notice')).toBeNull() // said at the field, not at the bottom
    expect(currentRoute()).toBe('')

    // One tap switches to 挂失; the card and number stay.
    fireEvent.click(screen.getByText('先去挂失'))
    expect(activeAction(container)).toBe('挂失')
    expect(fieldError(container, 'action-error')).toBeNull()
    expect(screen.queryByText('先去挂失')).toBeNull()
    fireEvent.click(screen.getByText('提交申请'))

    const lossId = await openedTicketId()
    const { ticket: loss } = await s.must(OWNER)('ticket.get', { ticketId: lossId })
    expect(loss).toMatchObject({
      kind: 'card',
      categoryName: '停车卡·挂失',
      card: { type: 'parking', action: 'lost', cardNo: 'P88001', custody: false, feeFen: 0, lossTicket: null },
    })
    first.unmount()

    // Now the reissue, with custody.
    resetRoute()
    ;({ container } = render(<CardNewPage />))
    fireEvent.click(await screen.findByText('停车卡'))
    fireEvent.click(screen.getByText('补办'))
    typeInto($(container, '.card-no-input'), 'P88001')
    fireEvent.click(screen.getByRole('switch', { name: '委托代管' }))
    fireEvent.click(screen.getByText('提交申请'))

    const reissueId = await openedTicketId()
    const { ticket: reissue } = await s.must(OWNER)('ticket.get', { ticketId: reissueId })
    expect(reissue.card).toEqual({
      type: 'parking',
      typeName: '停车卡',
      action: 'reissue',
      actionName: '补办',
      cardNo: 'P88001',
      custody: true,
      feeFen: 5000,
      lossTicket: { id: loss.id, no: loss.no },
      stage: 'verify',
      verifiedBy: null,
    })

    // Its page shows the fee to pay and the loss report it follows.
    setRouterParams({ id: reissueId })
    const detail = render(<TicketDetailPage />)
    expect(await screen.findByText('待到前台缴纳 50 元')).toBeTruthy()
    expect(detail.container.querySelector('.card-section')?.textContent).toContain('停车卡')
    expect(detail.container.querySelector('.card-custody-value')?.textContent).toBe('是，办好后由客服管家代为保管')
    expect(detail.container.querySelector('.ticket-header__area')?.textContent).toBe('IC卡办理')
    // Nothing was written in 补充说明: no empty 申请内容 section repeats 办理信息.
    expect(detail.container.querySelector('.content-section')).toBeNull()
    fireEvent.click($(detail.container, '.card-loss-ticket'))
    expect(currentRoute()).toBe(`/pages/ticket/detail?id=${loss.id}`)
  })

  it('opens with a card and action chosen from a loss report\'s page', async () => {
    setRouterParams({ type: 'access', action: 'reissue', cardNo: 'M001' })
    const { container } = render(<CardNewPage />)

    await screen.findByText('提交申请')
    expect(container.querySelector('.category-item--active')?.textContent).toContain('门禁卡/业主卡')
    expect(activeAction(container)).toBe('补办')
    expect(container.querySelector('.card-fee-notice')).not.toBeNull()
  })

  it('tells someone without a unit why, and leads to binding', async () => {
    setDevIdentity(GUEST)
    render(<CardNewPage />)

    expect(await screen.findByText('请先绑定房屋')).toBeTruthy()
    expect(screen.queryByText('提交申请')).toBeNull()
    fireEvent.click(screen.getByText('去绑定房屋'))
    expect(currentRoute()).toBe('/pages/binding/new')
  })
})
