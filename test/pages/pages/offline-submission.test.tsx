// Issue 9, weak network: a request the owner submits without network is kept on the phone (with
// its request id and photos), shown under 待发送 in 我的工单, and sent when the network is back —
// once. Everything is real: the forms, the queue in Taro storage, the RPC client and the local
// stack. "No network" is the H5 transport pointed at a port where nothing listens; "back" is the
// stack's address again plus the browser's `online` event.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { isPhotoRef } from '@/core/catalog/photos'
import HomePage from '@/pages/index/index'
import RepairNewPage from '@/pages/repair/new'
import TicketsPage from '@/pages/tickets/index'
import { setDevIdentity } from '@/services/dev-identity'
import { flushPending } from '@/services/pending-flush'
import { listPending, removePending, savePending } from '@/services/pending-submissions'
import type { PendingSubmission } from '@/utils/pending-queue'
import { newRequestId } from '@/utils/request-id'
import { $, hideToasts, modalButton, sentInputs, shownToast, typeInto } from '../helpers'
import { GUEST, LIN_UNIT, OWNER, startPageStack, stopPageStack, unreachableHost, type TestStack } from '../stack'
import { currentRoute, firePageLifecycle, resetRoute } from '../taro-page'

const SAVED = '网络不佳，已保存，网络恢复后将自动提交'
const REQUEST_ID = /^[A-Za-z0-9_-]{16,64}$/
const WAIT = { timeout: 8000 }

const jpeg = Uint8Array.from({ length: 3000 }, (_, i) => (i < 4 ? [0xff, 0xd8, 0xff, 0xe0][i]! : (i * 7) % 256))
/** The owner picks one photo in the album (chooseMedia is the user's part; the upload is real). */
const userPicksPhoto = () =>
  jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({
    type: 'image',
    errMsg: 'chooseMedia:ok',
    tempFiles: [
      {
        tempFilePath: `data:image/jpeg;base64,${Buffer.from(jpeg).toString('base64')}`,
        size: jpeg.length,
        duration: 0,
        height: 0,
        width: 0,
        thumbTempFilePath: '',
        fileType: 'image/jpeg',
        originalFileObj: new File([jpeg], 'leak.jpg', { type: 'image/jpeg' }),
      },
    ],
  })

const goOffline = async () => {
  process.env.FUNCTION_HOST = await unreachableHost()
}
/** The browser says the network is back (twice, as flaky radios do). */
const onlineTwice = () =>
  act(() => {
    window.dispatchEvent(new Event('online'))
    window.dispatchEvent(new Event('online'))
  })

describe('weak network: a submission kept on the phone and sent once', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    setDevIdentity(OWNER)
    resetRoute()
    hideToasts()
    listPending().forEach((e) => removePending(e.requestId))
  })
  afterEach(() => jest.restoreAllMocks())

  /** Tickets with this description as stored in the database (not as any page shows them). */
  const stored = async (description: string) => (await s.db.collection('tickets').where({ description }).get()).data as Array<{ _id: string; photos: string[] }>

  /** A queued repair as the form would have saved it. */
  const queued = (description: string, over: Partial<PendingSubmission> = {}): PendingSubmission => {
    const requestId = newRequestId()
    return {
      requestId,
      action: 'repair.submit',
      input: { unitId: LIN_UNIT, category: 'plumbing_electric', description, photos: [], urgent: false, requestId },
      summary: `水电 · ${description}`,
      createdAt: Date.now(),
          attempts: 1,
      state: 'waiting',
      lastError: null,
      ...over,
    } as PendingSubmission
  }

  it('keeps a failed send with its request id and photo, shows it pending, and sends it once when the network is back', async () => {
    const form = render(<RepairNewPage />)
    userPicksPhoto()
    fireEvent.click(await screen.findByText('水电'))
    typeInto($(form.container, '.repair-description .field-textarea__input'), '卫生间水管滴水')
    await act(async () => {
      fireEvent.click($(form.container, '.photo-picker__add'))
    })
    await waitFor(() => expect(form.container.querySelectorAll('.photo-picker__photo')).toHaveLength(1), WAIT)

    await goOffline()
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real
    fireEvent.click(screen.getByText('提交报修'))
    await waitFor(() => expect(form.container.querySelector('.error-notice')?.textContent).toBe(SAVED))
    expect(shownToast()).toBe(SAVED)
    expect(currentRoute()).toBe('/pages/tickets/index')

    // Kept: the action, the input with the request id it was first sent with, the uploaded photo.
    const [entry, ...more] = listPending()
    expect(more).toEqual([])
    expect(entry!.requestId).toMatch(REQUEST_ID)
    expect(sentInputs('repair.submit', sent).map((i) => i.requestId)).toEqual([entry!.requestId])
    expect(entry).toMatchObject({ action: 'repair.submit', summary: '水电 · 卫生间水管滴水', attempts: 1, state: 'waiting' })
    expect(entry!.input).toMatchObject({ requestId: entry!.requestId, unitId: LIN_UNIT, description: '卫生间水管滴水' })
    const photos = (entry!.input as { photos: string[] }).photos
    expect(photos).toHaveLength(1)
    expect(isPhotoRef(photos[0]!)).toBe(true)
    form.unmount()

    // 我的工单, still offline: the request waits under 待发送; 立即重试 cannot send it yet.
    const list = render(<TicketsPage />)
    await firePageLifecycle('componentDidShow')
    expect(await screen.findByText('待发送（1）')).toBeTruthy()
    expect($(list.container, '.pending-item__kind').textContent).toBe('报修')
    expect($(list.container, '.pending-item__summary').textContent).toBe('水电 · 卫生间水管滴水')
    expect($(list.container, '.pending-item__time').textContent).toMatch(/^保存时间 \d\d-\d\d \d\d:\d\d$/)
    await waitFor(() => expect($(list.container, '.pending-item__status').textContent).toBe('等待网络'))
    await act(async () => {
      fireEvent.click(screen.getByText('立即重试'))
      await flushPending()
    })
    expect($(list.container, '.pending-item__status').textContent).toBe('等待网络')
    expect(listPending()[0]).toMatchObject({ requestId: entry!.requestId, state: 'waiting' })
    expect(listPending()[0]!.attempts).toBeGreaterThan(1)
    expect(await stored('卫生间水管滴水')).toEqual([])

    // Back online, with the event twice and a tap on 立即重试 at the same moment: one request goes out.
    sent.mockClear()
    process.env.FUNCTION_HOST = s.stack.url
    fireEvent.click(screen.getByText('立即重试'))
    onlineTwice()
    await act(() => flushPending().then(() => undefined))
    await waitFor(() => expect(list.container.querySelector('.pending-list')).toBeNull())
    expect(shownToast()).toBe('已提交')
    expect(sentInputs('repair.submit', sent).map((i) => i.requestId)).toEqual([entry!.requestId])

    const tickets = await stored('卫生间水管滴水')
    expect(tickets).toHaveLength(1)
    expect(tickets[0]!.photos).toEqual(photos)
    expect(listPending()).toEqual([])
    // The list reloaded: the new ticket is there.
    await waitFor(() => expect(screen.getAllByText('卫生间水管滴水').length).toBeGreaterThan(0))
  })

  it('makes no second ticket when the first send reached the server but its answer was lost', async () => {
    const entry = queued('厨房下水道堵了')
    // The first send arrived (the server made the ticket); the phone never heard back and kept it.
    await s.must(OWNER)('repair.submit', entry.input as never)
    savePending(entry)

    await act(() => flushPending().then(() => undefined))
    await act(() => flushPending().then(() => undefined))

    expect(listPending()).toEqual([])
    expect(await stored('厨房下水道堵了')).toHaveLength(1)
  })

  it('does not keep a request the server refuses: it is shown on the form as before', async () => {
    const form = render(<RepairNewPage />)
    fireEvent.click(await screen.findByText('水电'))
    typeInto($(form.container, '.repair-description .field-textarea__input'), '书房灯闪')
    setDevIdentity(GUEST) // no unit any more: the server refuses
    fireEvent.click(screen.getByText('提交报修'))

    await waitFor(() => expect(form.container.querySelector('.error-notice')?.textContent).toBe('您还没有绑定房屋，请先完成房屋绑定'))
    expect(listPending()).toEqual([])
    expect(currentRoute()).toBe('')
  })

  it('marks a kept request the server refuses when sent later as 提交失败; the owner may delete it', async () => {
    savePending(queued('门锁坏了'))
    setDevIdentity(GUEST)
    const list = render(<TicketsPage />)
    await act(() => flushPending().then(() => undefined))

    await waitFor(() => expect($(list.container, '.pending-item__status').textContent).toBe('提交失败：您还没有绑定房屋，请先完成房屋绑定'))
    expect(listPending()[0]).toMatchObject({ state: 'refused' })
    // A refused one is not sent again by itself.
    await act(() => flushPending().then(() => undefined))
    expect(listPending()[0]).toMatchObject({ state: 'refused', attempts: 2 })

    fireEvent.click(screen.getByText('删除', { selector: '.pending-delete' }))
    fireEvent.click(await waitFor(() => modalButton('取消')))
    await waitFor(() => expect(document.querySelector<HTMLElement>('.taro__modal')?.style.display).toBe('none'))
    expect(listPending()).toHaveLength(1)
    fireEvent.click(screen.getByText('删除', { selector: '.pending-delete' }))
    fireEvent.click(await waitFor(() => modalButton('删除')))
    await waitFor(() => expect(listPending()).toEqual([]))
    await waitFor(() => expect(list.container.querySelector('.pending-list')).toBeNull())
    expect(await stored('门锁坏了')).toEqual([])
  })

  it('tells the owner on the home page that something waits to be sent', async () => {
    savePending(queued('阳台晾衣架掉了'))
    const home = render(<HomePage />)
    expect(await screen.findByText('1条申请待发送，网络恢复后将自动提交 ›')).toBeTruthy()
    fireEvent.click(screen.getByText('1条申请待发送，网络恢复后将自动提交 ›'))
    expect(currentRoute()).toBe('/pages/tickets/index')

    await act(() => flushPending().then(() => undefined))
    await waitFor(() => expect(home.container.querySelector('.home__pending')).toBeNull())
    expect(await stored('阳台晾衣架掉了')).toHaveLength(1)
  })
})
