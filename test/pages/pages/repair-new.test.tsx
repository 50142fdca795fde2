import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { answer, inputsOf, mockedCall } from '../rpc-mock'
import { guest, owner, ticket, whoami } from '../fixtures'
import { $, typeInto } from '../helpers'
import { RpcError } from '@/services/rpc'
import { chinaDayStart, DAY_MS, HOUR_MS } from '@/utils/time'
import RepairNewPage from '@/pages/repair/new'

describe('repair form (pages/repair/new)', () => {
  let redirectTo: jest.SpyInstance
  beforeEach(() => {
    mockedCall.mockReset()
    redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
  })
  afterEach(() => jest.restoreAllMocks())

  const fillBasics = async (container: HTMLElement) => {
    fireEvent.click(await screen.findByText('水电'))
    typeInto($(container, '.repair-description .field-textarea__input'), '厨房水龙头漏水')
  }

  it('submits the repair with the granted reminders and opens the new ticket', async () => {
    answer({ 'session.whoami': whoami(owner), 'repair.submit': { ticket: ticket({ id: 'new-1' }) } })
    const { container } = render(<RepairNewPage />)

    await fillBasics(container)
    expect(container.querySelector('.field-textarea__counter')?.textContent).toBe('7/500')
    fireEvent.click(screen.getByText('提交报修'))

    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/ticket/detail?id=new-1' }))
    expect(inputsOf('repair.submit')).toEqual([
      {
        unitId: 'u1',
        area: 'home',
        category: 'plumbing_electric',
        description: '厨房水龙头漏水',
        photos: [],
        appointment: null,
        urgent: false,
        // H5 local mode: the three owner templates count as accepted.
        grantedTemplates: ['order_accepted', 'quote_pending', 'repair_done'],
      },
    ])
  })

  it('shows the price list of a paid category before submitting', async () => {
    answer({ 'session.whoami': whoami(owner) })
    const { container } = render(<RepairNewPage />)

    fireEvent.click(await screen.findByText('管道疏通'))
    expect(screen.getByText('维修价目表')).toBeTruthy()
    expect(container.querySelector('.price-list')?.textContent).toContain('¥80.00/次')
    expect(container.querySelector('.price-list__note')?.textContent).toContain('确认同意后才开始施工')

    fireEvent.click(screen.getByText('公共设施'))
    expect(screen.queryByText('维修价目表')).toBeNull()
  })

  it('sends an urgent public-area repair with a booked slot in China time', async () => {
    answer({ 'session.whoami': whoami(owner), 'repair.submit': { ticket: ticket() } })
    const { container } = render(<RepairNewPage />)

    await fillBasics(container)
    fireEvent.click(screen.getByText('公共区域'))
    fireEvent.click(screen.getByRole('switch', { name: '急修' }))
    fireEvent.click(screen.getByText('预约时间'))
    fireEvent.click(screen.getByText('明天'))
    fireEvent.click(screen.getByText('上午'))
    fireEvent.click(screen.getByText('提交报修'))

    await waitFor(() => expect(inputsOf('repair.submit')).toHaveLength(1))
    const tomorrow = chinaDayStart(Date.now()) + DAY_MS
    expect(inputsOf('repair.submit')[0]).toMatchObject({
      area: 'public',
      urgent: true,
      appointment: { start: tomorrow + 9 * HOUR_MS, end: tomorrow + 12 * HOUR_MS },
    })
  })

  it('refuses an incomplete form without calling the server', async () => {
    answer({ 'session.whoami': whoami(owner) })
    const { container } = render(<RepairNewPage />)

    fireEvent.click(await screen.findByText('提交报修'))
    expect($(container, '.error-notice').textContent).toBe('请选择报修类别')
    fireEvent.click(screen.getByText('水电'))
    fireEvent.click(screen.getByText('提交报修'))
    expect($(container, '.error-notice').textContent).toBe('请描述需要维修的问题')
    expect(inputsOf('repair.submit')).toEqual([])
  })

  it('shows the server message when submitting fails, and lets the owner try again', async () => {
    let attempts = 0
    answer({
      'session.whoami': whoami(owner),
      'repair.submit': () => {
        attempts += 1
        throw new RpcError('VALIDATION', '问题描述最多500个字')
      },
    })
    const { container } = render(<RepairNewPage />)

    await fillBasics(container)
    fireEvent.click(screen.getByText('提交报修'))
    await waitFor(() => expect(container.querySelector('.error-notice')?.textContent).toBe('问题描述最多500个字'))
    fireEvent.click(screen.getByText('提交报修'))
    await waitFor(() => expect(attempts).toBe(2))
    expect(redirectTo).not.toHaveBeenCalled()
  })

  it('ignores a double tap', async () => {
    let release: (v: unknown) => void = () => undefined
    answer({
      'session.whoami': whoami(owner),
      'repair.submit': () => new Promise((resolve) => (release = resolve)),
    })
    const { container } = render(<RepairNewPage />)

    await fillBasics(container)
    fireEvent.click(screen.getByText('提交报修'))
    fireEvent.click(screen.getByText('提交报修'))
    await waitFor(() => expect(inputsOf('repair.submit')).toHaveLength(1))
    release({ ticket: ticket() })
    await waitFor(() => expect(redirectTo).toHaveBeenCalledTimes(1))
    expect(inputsOf('repair.submit')).toHaveLength(1)
  })

  it('explains binding to someone without a unit', async () => {
    answer({ 'session.whoami': whoami(guest) })
    render(<RepairNewPage />)
    expect(await screen.findByText('暂未绑定房屋')).toBeTruthy()
    expect(screen.queryByText('提交报修')).toBeNull()
  })
})
