import { fireEvent, render, screen } from '@testing-library/react'
import { setDevIdentity } from '@/services/dev-identity'
import HomePage from '@/pages/index/index'
import { GUEST, OWNER, PLUMBER, startPageStack, stopPageStack, unreachableHost, type TestStack } from '../stack'
import { currentRoute, resetRoute } from '../taro-page'

describe('home page (pages/index/index) on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    resetRoute()
  })

  it('greets an owner with their units and leads to 我要报修 / 我要投诉 / IC卡办理 / 我的工单', async () => {
    setDevIdentity(OWNER)
    const { container } = render(<HomePage />)

    expect(await screen.findByText(/^林先生，/)).toBeTruthy()
    expect(Array.from(container.querySelectorAll('.home__unit')).map((u) => u.textContent)).toEqual([
      '🏠 天利龙腾湾 1栋1单元1201',
      '🏠 天利龙腾湾 4栋2单元301',
    ])
    expect(screen.queryByText('我的任务')).toBeNull()

    fireEvent.click(screen.getByText('我要报修'))
    expect(currentRoute()).toBe('/pages/repair/new')
    fireEvent.click(screen.getByText('我要投诉'))
    expect(currentRoute()).toBe('/pages/complaint/new')
    fireEvent.click(screen.getByText('IC卡办理'))
    expect(currentRoute()).toBe('/pages/card/new')
    fireEvent.click(screen.getByText('我的工单'))
    expect(currentRoute()).toBe('/pages/tickets/index')
  })

  it('greets staff with their role and leads to 我的任务', async () => {
    setDevIdentity(PLUMBER)
    render(<HomePage />)

    expect(await screen.findByText('维修师傅')).toBeTruthy()
    expect(screen.getByText(/^王师傅，/)).toBeTruthy()
    expect(screen.queryByText('我要报修')).toBeNull()

    fireEvent.click(screen.getByText('我的任务'))
    expect(currentRoute()).toBe('/staff/inbox/index')
  })

  it('tells a guest how to bind a unit instead of offering repairs', async () => {
    setDevIdentity(GUEST)
    const { container } = render(<HomePage />)

    expect(await screen.findByText('绑定房屋后即可报修')).toBeTruthy()
    expect(screen.getByText('您好，欢迎使用')).toBeTruthy()
    expect(container.textContent).toContain('联系客服前台或您的管家')
    expect(screen.queryByText('我要报修')).toBeNull()
    expect(screen.queryByText('我的任务')).toBeNull()
    // A new staff member gives this code to the administrator (docs/deploy.md, company file).
    expect(container.querySelector('.home__staff-code-value')?.textContent).toBe(GUEST)
  })

  it('in local mode shows the current demo identity and the switch link', async () => {
    setDevIdentity(PLUMBER)
    const { container } = render(<HomePage />)

    await screen.findByText('维修师傅')
    expect(container.querySelector('.dev-identity-name')?.textContent).toBe('王师傅')
    fireEvent.click(screen.getByText('切换演示身份'))
    expect(currentRoute()).toBe('/pages/dev/identity')
  })

  it('says the network is down when the local stack cannot be reached, and loads on 重新加载', async () => {
    setDevIdentity(OWNER)
    process.env.FUNCTION_HOST = await unreachableHost()
    render(<HomePage />)

    expect(await screen.findByText('网络不太顺畅，请稍后再试')).toBeTruthy()
    expect(screen.queryByText('我要报修')).toBeNull()

    process.env.FUNCTION_HOST = s.stack.url
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('我要报修')).toBeTruthy()
    expect(screen.queryByText('网络不太顺畅，请稍后再试')).toBeNull()
  })
})
