import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import PhoneCallbackPage from '@/staff/desk/callback/index'
import CallbackQueuePage from '@/staff/desk/callbacks/index'
import { $, hideToasts, sentInputs, shownToast, typeInto } from '../helpers'
import { FRONT_DESK, startPageStack, stopPageStack, ticketAt, type TestStack } from '../stack'
import { currentRoute, resetRoute, setRouterParams } from '../taro-page'

describe('回访队列 and 电话回访 (staff/desk) on the local stack', () => {
  let s: TestStack
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

  const stored = async (id: string) => (await s.db.collection('tickets').doc(id).get()).data[0]

  it('the queue lists the returned ticket with the owner to call and its due time, and opens its callback', async () => {
    const t = await ticketAt(s, 'callback_pending')
    const { container } = render(<CallbackQueuePage />)
    const item = await waitFor(() => {
      const el = Array.from(container.querySelectorAll<HTMLElement>('.callback-item')).find((x) => x.textContent?.includes(t.no))
      if (!el) throw new Error('not listed yet')
      return el
    })
    expect(item.textContent).toContain('林先生 13800000001')
    expect(item.textContent).toContain('处理人 王师傅')
    expect(item.querySelector('.callback-item__due')?.textContent).toMatch(/^剩余 (7 小时 \d+ 分钟|8 小时)$/)
    fireEvent.click(item)
    expect(currentRoute()).toBe(`/staff/desk/callback/index?id=${t.id}`)
  })

  it('a callback needs both ratings and the owner’s words; nothing is sent until then', async () => {
    const t = await ticketAt(s, 'callback_pending')
    setRouterParams({ id: t.id })
    const { container } = render(<PhoneCallbackPage />)
    await screen.findByText('记录回访')
    const sent = jest.spyOn(globalThis, 'fetch')

    fireEvent.click(screen.getByText('记录回访'))
    expect($(container, '.handling-error').textContent).toBe('请为处理结果满意度打分')
    expect($(container, '.staff-error').textContent).toBe('请为服务态度满意度打分')
    expect($(container, '.words-error').textContent).toBe('请填写业主原话')
    fireEvent.click(screen.getByRole('radio', { name: '处理结果满意度 5星' }))
    fireEvent.click(screen.getByRole('radio', { name: '服务态度满意度 5星' }))
    fireEvent.click(screen.getByText('记录回访'))
    expect(container.querySelector('.handling-error')).toBeNull()
    expect($(container, '.words-error').textContent).toBe('请填写业主原话')
    expect(sentInputs('desk.recordCallback', sent)).toEqual([])
    expect((await stored(t.id)).state).toBe('callback_pending')

    typeInto($(container, '.callback-words .field-textarea__input'), '修得很好，谢谢王师傅')
    fireEvent.click(screen.getByText('记录回访'))
    await screen.findByText('工单已完成。')
    expect(shownToast()).toBe('回访已记录')
    expect(await stored(t.id)).toMatchObject({ state: 'closed', rating: { handling: 5, staff: 5, comment: '修得很好，谢谢王师傅', by: 'phone' } })
    expect($(container, '.callback-done .card__title').textContent).toBe('电话回访（陈前台记录）')
  })

  it('a call that did not get through needs what happened; then it is listed with its time and the ticket still waits', async () => {
    const t = await ticketAt(s, 'callback_pending')
    setRouterParams({ id: t.id })
    const { container } = render(<PhoneCallbackPage />)
    await screen.findByText('记录未联系上')
    const sent = jest.spyOn(globalThis, 'fetch')

    fireEvent.click(screen.getByText('记录未联系上'))
    expect($(container, '.attempt-error').textContent).toBe('请选择或填写未联系上的情况')
    expect(sentInputs('desk.callbackAttempt', sent)).toEqual([])
    expect(screen.getByText('记录后继续等待回访；再有 3 次未联系上将告知客服主任。')).toBeTruthy()

    fireEvent.click(screen.getByText('关机'))
    fireEvent.click(screen.getByText('记录未联系上'))
    await waitFor(() => expect(container.querySelector('.callback-attempts .attempt-list__note')?.textContent).toBe('关机'))
    expect(container.querySelector('.callback-attempts .attempt-list__by')?.textContent).toBe('陈前台')
    expect(screen.getByText('记录后继续等待回访；再有 2 次未联系上将告知客服主任。')).toBeTruthy()
    expect(await stored(t.id)).toMatchObject({ state: 'callback_pending', callbackAttempts: [{ note: '关机', by: { name: '陈前台' } }] })
  })
})
