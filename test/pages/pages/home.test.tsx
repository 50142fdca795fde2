import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { answer } from '../rpc-mock'
import { guest, owner, technician, whoami } from '../fixtures'
import HomePage from '@/pages/index/index'

describe('home page (pages/index/index)', () => {
  let navigateTo: jest.SpyInstance
  beforeEach(() => {
    navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  })
  afterEach(() => jest.restoreAllMocks())

  it('greets an owner with their units and leads to 我要报修 / 我的报修', async () => {
    answer({ 'session.whoami': whoami(owner) })
    render(<HomePage />)

    expect(await screen.findByText(/^林先生，/)).toBeTruthy()
    expect(screen.getByText(/3栋2单元1201/)).toBeTruthy()
    fireEvent.click(screen.getByText('我要报修'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/repair/new' })
    fireEvent.click(screen.getByText('我的报修'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/tickets/index' })
    expect(screen.queryByText('我的任务')).toBeNull()
  })

  it('greets staff with their role and leads to 我的任务', async () => {
    answer({ 'session.whoami': whoami(technician) })
    render(<HomePage />)

    expect(await screen.findByText('维修师傅')).toBeTruthy()
    fireEvent.click(screen.getByText('我的任务'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/staff/inbox/index' })
    expect(screen.queryByText('我要报修')).toBeNull()
  })

  it('tells a guest how to bind a unit instead of offering repairs', async () => {
    answer({ 'session.whoami': whoami(guest) })
    const { container } = render(<HomePage />)

    expect(await screen.findByText('绑定房屋后即可报修')).toBeTruthy()
    expect(container.textContent).toContain('联系客服前台或您的管家')
    expect(screen.queryByText('我要报修')).toBeNull()
  })

  it('in local mode shows the current demo identity and the switch link', async () => {
    answer({ 'session.whoami': whoami(technician) })
    const { container } = render(<HomePage />)

    await screen.findByText('维修师傅')
    expect(container.querySelector('.dev-identity-name')?.textContent).toBe('王师傅')
    fireEvent.click(screen.getByText('切换演示身份'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/dev/identity' })
  })
})
