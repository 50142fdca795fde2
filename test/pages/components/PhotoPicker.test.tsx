// The photo picker as the H5 build runs it: choosing files is the user's part, so
// Taro.chooseMedia answers with the files a user would pick; everything after it is real —
// the core's checks, Taro's own H5 uploadFile (multipart over XHR) to the local stack's storage,
// the stack's checks on the bytes, and the stored photos read back from it.
import { useState } from 'react'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { isPhotoRef } from '@/core/catalog/photos'
import PhotoGrid from '@/components/PhotoGrid'
import PhotoPicker from '@/components/PhotoPicker'
import RepairNewPage from '@/pages/repair/new'
import TicketDetailPage from '@/pages/ticket/detail'
import { setDevIdentity } from '@/services/dev-identity'
import { uploadPhoto } from '@/services/photos'
import StaffTaskPage from '@/staff/task/index'
import { $, hideToasts, shownToast, typeInto } from '../helpers'
import { OWNER, PLUMBER, startPageStack, stopPageStack, submitRepair, unreachableHost, type TestStack } from '../stack'
import { currentRoute, resetRoute, setRouterParams } from '../taro-page'

const MB = 1024 * 1024
const UPLOAD_WAIT = { timeout: 5000 }

const jpegBytes = (n = 3000) => Uint8Array.from({ length: n }, (_, i) => (i < 4 ? [0xff, 0xd8, 0xff, 0xe0][i]! : (i * 7) % 256))
const pngBytes = () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8])
const gifBytes = () => Uint8Array.from('GIF89a\x01\x00\x01\x00'.split('').map((c) => c.charCodeAt(0)))

/**
 * A file as Taro's H5 chooseMedia describes it. Its tempFilePath is a data: URL (jsdom has no
 * blob: URLs) that Taro.uploadFile reads back exactly as it reads a blob: URL in a browser.
 * `size` may be given to describe a file larger than the bytes kept here.
 */
const picked = (name: string, type: string, bytes: Uint8Array<ArrayBuffer>, size = bytes.length): Taro.chooseMedia.ChooseMedia => ({
  tempFilePath: `data:${type || 'application/octet-stream'};base64,${Buffer.from(bytes).toString('base64')}`,
  size,
  duration: 0,
  height: 0,
  width: 0,
  thumbTempFilePath: '',
  fileType: type,
  originalFileObj: new File([bytes], name, { type }),
})

/** The user picks these files in the album. */
const userPicks = (...files: Taro.chooseMedia.ChooseMedia[]) =>
  jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({ tempFiles: files, type: 'image', errMsg: 'chooseMedia:ok' })

/** A form around the picker, as pages hold it. */
function Form({ initial = [], onBusy }: { initial?: string[]; onBusy?: (busy: boolean) => void }) {
  const [refs, setRefs] = useState<string[]>(initial)
  return (
    <>
      <PhotoPicker value={refs} onChange={setRefs} onBusyChange={onBusy} label='现场照片（选填，最多9张）' />
      <output className='refs'>{refs.join(' ')}</output>
    </>
  )
}

const refsOf = (container: HTMLElement) => ($(container, '.refs').textContent ?? '').split(' ').filter(Boolean)
/** A tap, and whatever it starts right away (the album opening, uploads beginning). */
const tap = (el: Element) =>
  act(async () => {
    fireEvent.click(el)
  })
const addTile = (container: HTMLElement) => $(container, '.photo-picker__add')

/** Upload requests Taro's XHR opened towards the stack's storage (a spy: they still go out). */
const uploadsSent = (open: jest.SpyInstance) => open.mock.calls.filter(([, url]) => String(url).endsWith('/_local/storage/upload'))

describe('PhotoPicker on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    hideToasts()
  })
  afterEach(() => jest.restoreAllMocks())

  it('uploads each chosen photo at once, shows it uploading, then keeps its stored reference', async () => {
    const jpeg = jpegBytes()
    const png = pngBytes()
    const choose = userPicks(picked('IMG_0001.JPG', 'image/jpeg', jpeg), picked('screenshot.png', 'image/png', png))
    const busy = jest.fn()
    const { container } = render(<Form onBusy={busy} />)
    expect($(container, '.photo-picker__counter').textContent).toBe('已选 0/9')

    await tap(addTile(container))

    expect(choose).toHaveBeenCalledWith({ count: 9, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    // Both tiles show "上传中" until storage answers, and the form is told to wait.
    expect(container.querySelectorAll('.photo-picker__uploading')).toHaveLength(2)
    expect(container.querySelector('.photo-picker__mask-text')?.textContent).toBe('上传中')
    expect(busy).toHaveBeenLastCalledWith(true)

    await waitFor(() => expect(refsOf(container)).toHaveLength(2), UPLOAD_WAIT)
    expect(container.querySelectorAll('.photo-picker__uploading')).toHaveLength(0)
    expect(busy).toHaveBeenLastCalledWith(false)
    expect($(container, '.photo-picker__counter').textContent).toBe('已选 2/9')

    // What the stack stored is what was chosen, byte for byte, under the references the form holds.
    const refs = refsOf(container)
    for (const ref of refs) expect(isPhotoRef(ref)).toBe(true)
    // (Storage is private: read through a temporary link, as the server would mint one.)
    const stored = await Promise.all(
      refs.map(async (ref) => {
        const [link] = (await s.app.getTempFileURL({ fileList: [{ fileID: ref, maxAge: 60 }] })).fileList
        const res = await fetch(`${s.stack.url}${link!.tempFileURL}`)
        return { type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) }
      }),
    )
    expect(stored).toEqual(
      expect.arrayContaining([
        { type: 'image/jpeg', bytes: jpeg },
        { type: 'image/png', bytes: png },
      ]),
    )
    // The thumbnails show the picked files themselves: private storage serves nothing by reference.
    const srcs = Array.from(container.querySelectorAll('.photo-picker__photo .photo-picker__image')).map((img) => img.getAttribute('src'))
    expect(srcs.sort()).toEqual([`data:image/jpeg;base64,${Buffer.from(jpeg).toString('base64')}`, `data:image/png;base64,${Buffer.from(png).toString('base64')}`].sort())
  })

  it('refuses an oversized photo and a GIF before sending them, saying why, and still uploads the good one', async () => {
    userPicks(
      picked('huge.jpg', 'image/jpeg', jpegBytes(), 12 * MB),
      picked('funny.gif', 'image/gif', gifBytes()),
      picked('ok.jpg', 'image/jpeg', jpegBytes()),
    )
    const open = jest.spyOn(window.XMLHttpRequest.prototype, 'open')
    const { container } = render(<Form />)

    await tap(addTile(container))

    expect($(container, '.photo-picker__error').textContent).toBe('照片不能超过10MB')
    expect(shownToast()).toBe('照片不能超过10MB')
    await waitFor(() => expect(refsOf(container)).toHaveLength(1), UPLOAD_WAIT)
    expect(uploadsSent(open)).toHaveLength(1) // only ok.jpg left the page
  })

  it('shows the storage\'s refusal when the bytes are not what the name says (checked on the server too)', async () => {
    userPicks(picked('disguised.jpg', 'image/jpeg', gifBytes()))
    const busy = jest.fn()
    const { container } = render(<Form onBusy={busy} />)

    await tap(addTile(container))

    await waitFor(() => expect(container.querySelector('.photo-picker__error')?.textContent).toBe('只能上传 JPG、PNG、WEBP 或 HEIC 格式的照片'), UPLOAD_WAIT)
    expect(shownToast()).toBe('只能上传 JPG、PNG、WEBP 或 HEIC 格式的照片')
    expect(refsOf(container)).toEqual([])
    expect(container.querySelectorAll('.photo-picker__uploading')).toHaveLength(0)
    expect(busy).toHaveBeenLastCalledWith(false)
  })

  it('asks only for what still fits, keeps at most 9, and hides "+" when full', async () => {
    const eight = Array.from({ length: 8 }, (_, i) => `local://photos/${String(i).repeat(16)}.jpg`)
    const choose = userPicks(picked('a.jpg', 'image/jpeg', jpegBytes()), picked('b.jpg', 'image/jpeg', jpegBytes()))
    const { container } = render(<Form initial={eight} />)

    await tap(addTile(container))

    // The browser's file dialog ignores `count`: the second file is left out, and he is told.
    expect(choose).toHaveBeenCalledWith(expect.objectContaining({ count: 1 }))
    expect($(container, '.photo-picker__error').textContent).toBe('最多上传9张照片，多选的照片未添加')
    await waitFor(() => expect(refsOf(container)).toHaveLength(9), UPLOAD_WAIT)
    expect(container.querySelector('.photo-picker__add')).toBeNull()
    expect($(container, '.photo-picker__counter').textContent).toBe('已选 9/9')
  })

  it('removes a photo with ×, and shows all of them full size from a tap', async () => {
    const refs = ['local://photos/aaaaaaaaaaaaaaaa.jpg', 'local://photos/bbbbbbbbbbbbbbbb.png', 'local://photos/cccccccccccccccc.webp']
    const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'previewImage:ok' })
    const { container } = render(<Form initial={refs} />)
    // Not uploaded in this session: no picked file to show, and storage opens nothing by reference.
    const url = (ref: string) => ref

    await tap(container.querySelectorAll('.photo-picker__photo')[1]!)
    expect(preview).toHaveBeenCalledWith({ current: url(refs[1]!), urls: refs.map(url) })

    await tap($(container, '[aria-label="删除第1张照片"]'))
    expect(refsOf(container)).toEqual([refs[1], refs[2]])
    expect(preview).toHaveBeenCalledTimes(1) // removing is not viewing
    expect($(container, '.photo-picker__counter').textContent).toBe('已选 2/9')
  })

  it('says nothing when the user closes the album without choosing', async () => {
    jest.spyOn(Taro, 'chooseMedia').mockRejectedValue({ errMsg: 'chooseMedia:fail cancel' })
    const { container } = render(<Form />)
    await tap(addTile(container))
    expect(container.querySelector('.photo-picker__error')).toBeNull()
    expect(shownToast()).toBeNull()
  })

  it('says so when the browser could not read any chosen file as a picture (Taro H5 leaves those out)', async () => {
    userPicks()
    const { container } = render(<Form />)
    await tap(addTile(container))
    expect($(container, '.photo-picker__error').textContent).toBe('未能读取所选照片，请换一张试试')
  })

  it('tells the user to check the network when storage cannot be reached', async () => {
    process.env.FUNCTION_HOST = await unreachableHost()
    // jsdom reports the refused connection on the console; that failure is this test's point.
    const consoleError = console.error
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (!/ECONNREFUSED/.test(String(args[0]))) consoleError(...args)
    })
    userPicks(picked('a.jpg', 'image/jpeg', jpegBytes()))
    const busy = jest.fn()
    const { container } = render(<Form onBusy={busy} />)

    await tap(addTile(container))

    await waitFor(() => expect(container.querySelector('.photo-picker__error')?.textContent).toBe('照片上传失败，请检查网络后重试'), UPLOAD_WAIT)
    expect(refsOf(container)).toEqual([])
    expect(busy).toHaveBeenLastCalledWith(false)
  })
})

describe('PhotoGrid', () => {
  it('shows the photo links the server gave from the stack and previews them; nothing at all without photos', () => {
    process.env.FUNCTION_HOST = 'http://127.0.0.1:8787'
    const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'previewImage:ok' })
    const refs = ['/_local/storage/photos/aaaaaaaaaaaaaaaa.jpg?expires=1&sign=ab', 'https://7072-prod.tcb.qcloud.la/photos/b.png?sign=cd&t=1']
    const urls = ['http://127.0.0.1:8787/_local/storage/photos/aaaaaaaaaaaaaaaa.jpg?expires=1&sign=ab', 'https://7072-prod.tcb.qcloud.la/photos/b.png?sign=cd&t=1']

    const { container, rerender } = render(<PhotoGrid photos={refs} />)
    expect(Array.from(container.querySelectorAll('.photo-grid__image')).map((i) => i.getAttribute('src'))).toEqual(urls)
    fireEvent.click($(container, '[aria-label="查看第2张照片"]'))
    expect(preview).toHaveBeenCalledWith({ current: urls[1], urls })

    rerender(<PhotoGrid photos={[]} />)
    expect(container.querySelector('.photo-grid')).toBeNull()
    preview.mockRestore()
    process.env.FUNCTION_HOST = ''
  })
})

describe('photos in the pages', () => {
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
  afterEach(() => jest.restoreAllMocks())

  const DETAIL = /^\/pages\/ticket\/detail\?id=([A-Za-z0-9_.-]+)$/
  /** A temporary link the server minted for the stored photo, as the page loads it. */
  const storageUrl = (ref: string) => expect.stringMatching(new RegExp(`^${s.stack.url}/_local/storage/${ref.slice('local://'.length)}\\?expires=\\d+&sign=`))

  /** A photo uploaded to the stack's storage by the app's own client; its reference. */
  const uploaded = (): Promise<string> => {
    const file = picked('leak.jpg', 'image/jpeg', jpegBytes())
    return uploadPhoto({ path: file.tempFilePath, size: file.size, name: 'leak.jpg', type: 'image/jpeg' })
  }

  it('repair form: waits for a photo still uploading, then sends it with the repair', async () => {
    setDevIdentity(OWNER)
    userPicks(picked('leak.jpg', 'image/jpeg', jpegBytes()))
    const sent = jest.spyOn(globalThis, 'fetch') // a spy only: every call still goes out for real
    const { container } = render(<RepairNewPage />)
    fireEvent.click(await screen.findByText('水电'))
    typeInto($(container, '.repair-description .field-textarea__input'), '卫生间天花板渗水')
    expect($(container, '.photo-card .card__title').textContent).toBe('现场照片（选填，最多9张）')

    await tap(addTile(container))
    fireEvent.click(screen.getByText('提交报修')) // while the photo is still on its way
    expect($(container, '.error-notice').textContent).toBe('照片正在上传，请稍候再提交')
    expect(sent.mock.calls.filter(([url]) => String(url).endsWith('/functions/repair'))).toEqual([])

    await waitFor(() => expect(container.querySelector('.photo-picker__photo')).not.toBeNull(), UPLOAD_WAIT)
    fireEvent.click(screen.getByText('提交报修'))
    await waitFor(() => expect(currentRoute()).toMatch(DETAIL))

    const { ticket } = await s.must(OWNER)('ticket.get', { ticketId: DETAIL.exec(currentRoute())![1]! })
    expect(ticket.photos).toHaveLength(1)
    expect(ticket.photos[0]).toMatch(/^\/_local\/storage\/photos\/[0-9a-f]{32}\.jpg\?expires=/)
  })

  it('ticket detail (owner) and task page (technician) show the photos of the ticket, and none when there are none', async () => {
    const refs = [await uploaded(), await uploaded()]
    const withPhotos = await submitRepair(s, { photos: refs })
    const without = await submitRepair(s)
    const shown = (container: HTMLElement) =>
      Array.from(container.querySelectorAll('.ticket-photos .photo-grid__image')).map((i) => i.getAttribute('src'))

    setDevIdentity(OWNER)
    setRouterParams({ id: withPhotos.id })
    const owner = render(<TicketDetailPage />)
    expect(await screen.findByText(withPhotos.no)).toBeTruthy()
    expect(shown(owner.container)).toEqual(refs.map(storageUrl))
    owner.unmount()

    setDevIdentity(PLUMBER)
    const tech = render(<StaffTaskPage />)
    expect(await screen.findByText(withPhotos.no)).toBeTruthy()
    expect(shown(tech.container)).toEqual(refs.map(storageUrl))
    expect(screen.getByText('现场照片')).toBeTruthy()
    tech.unmount()

    setRouterParams({ id: without.id })
    const plain = render(<StaffTaskPage />)
    expect(await screen.findByText(without.no)).toBeTruthy()
    expect(plain.container.querySelector('.ticket-photos')).toBeNull()
    expect(screen.queryByText('现场照片')).toBeNull()
  })
})

describe('weapp cloud path of an uploaded photo', () => {
  it('groups photos by China month under photos/, with a random name the contract accepts', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { photoCloudPath } = require('@/services/upload.weapp') as typeof import('@/services/upload.weapp')
    // 2025-01-31 17:30 UTC is already 1 February in China.
    const at = Date.UTC(2025, 0, 31, 17, 30)
    const path = photoCloudPath('jpg', at, () => 0.5)
    expect(path).toMatch(/^photos\/202502\/[0-9a-z]+\.jpg$/)
    expect(photoCloudPath('jpg', at, () => 0.25)).not.toBe(path)
    expect(isPhotoRef(`cloud://prod-1a2b.7072-prod-1a2b-1300000000/${path}`)).toBe(true)
  })
})
