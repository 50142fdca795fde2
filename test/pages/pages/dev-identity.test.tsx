import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { DEMO_IDENTITIES } from '@/local/demo-data'
import { currentDevIdentity } from '@/services/dev-identity'
import DevIdentityPage from '@/pages/dev/identity'
import HomePage from '@/pages/index/index'
import { startPageStack, stopPageStack, unreachableHost, type TestStack } from '../stack'
import { currentRoute, resetRoute } from '../taro-page'

describe('demo identity switch (pages/dev/identity) on the local stack', () => {
  let s: TestStack
  beforeAll(async () => {
    // The identities `npm start` offers.
    s = await startPageStack({ identities: DEMO_IDENTITIES })
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    Taro.removeStorageSync('dev-openid')
    resetRoute()
  })

  it('lists the identities, marks the current one, and switches on tap', async () => {
    const { container, unmount } = render(<DevIdentityPage />)

    expect(await screen.findByText('王师傅')).toBeTruthy()
    expect(screen.getByText('本地演示模式')).toBeTruthy()
    expect(Array.from(container.querySelectorAll('.identity-card__name')).map((n) => n.textContent)).toEqual(
      DEMO_IDENTITIES.map((i) => i.name),
    )
    // Nobody chosen yet: the default demo owner is current.
    expect(container.querySelectorAll('.identity-card--current')).toHaveLength(1)
    expect(container.querySelector('.identity-card--current')?.textContent).toContain('林先生')
    const wang = screen.getByText('王师傅').closest('.identity-card')!
    expect(wang.textContent).toContain('维修师傅')
    expect(wang.textContent).toContain('水电工')

    fireEvent.click(screen.getByText('王师傅'))
    expect(currentDevIdentity()).toBe('demo-tech-wang')
    expect(currentRoute()).toBe('/pages/index/index')

    // The relaunched home page now talks to the stack as 王师傅.
    unmount()
    const home = render(<HomePage />)
    expect(await screen.findByText('维修师傅')).toBeTruthy()
    expect(home.container.querySelector('.dev-identity-name')?.textContent).toBe('王师傅')
  })

  it('says when the local host cannot be reached', async () => {
    process.env.FUNCTION_HOST = await unreachableHost()
    render(<DevIdentityPage />)

    expect(await screen.findByText('无法获取演示身份，请确认本地服务已启动')).toBeTruthy()
    expect(screen.queryByText('王师傅')).toBeNull()

    process.env.FUNCTION_HOST = s.stack.url
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('王师傅')).toBeTruthy()
  })
})
