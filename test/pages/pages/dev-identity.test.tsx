import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { currentDevIdentity } from '@/services/dev-identity'
import DevIdentityPage from '@/pages/dev/identity'

const identities = [
  { openid: 'demo-owner-lin', name: '林先生', role: 'owner', hint: '3栋2单元1201 业主' },
  { openid: 'demo-tech-wang', name: '王师傅', role: 'technician', hint: '工程部水电工' },
]

describe('demo identity switch (pages/dev/identity)', () => {
  const realFetch = global.fetch
  let reLaunch: jest.SpyInstance
  beforeEach(() => {
    Taro.removeStorageSync('dev-openid')
    global.fetch = jest.fn(async () => ({ ok: true, json: async () => identities })) as unknown as typeof fetch
    reLaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'ok' } as never)
  })
  afterEach(() => {
    global.fetch = realFetch
    jest.restoreAllMocks()
  })

  it('lists the identities, marks the current one, and switches on tap', async () => {
    const { container } = render(<DevIdentityPage />)

    expect(await screen.findByText('王师傅')).toBeTruthy()
    expect(global.fetch).toHaveBeenCalledWith('/_local/identities')
    expect(screen.getByText('本地演示模式')).toBeTruthy()
    expect(container.querySelector('.identity-card--current')?.textContent).toContain('林先生')
    expect(screen.getByText('维修师傅')).toBeTruthy()

    fireEvent.click(screen.getByText('王师傅'))
    expect(currentDevIdentity()).toBe('demo-tech-wang')
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })

  it('says when the local host cannot be reached', async () => {
    global.fetch = jest.fn(async () => {
      throw new Error('down')
    }) as unknown as typeof fetch
    render(<DevIdentityPage />)
    await waitFor(() => expect(screen.getByText('无法获取演示身份，请确认本地服务已启动')).toBeTruthy())
  })
})
