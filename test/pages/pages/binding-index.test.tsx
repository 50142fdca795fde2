import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ActionInput } from '@/core/contract/actions'
import { setDevIdentity } from '@/services/dev-identity'
import MyUnitsPage from '@/pages/binding/index'
import HomePage from '@/pages/index/index'
import { hideToasts, modalButton, shownToast } from '../helpers'
import { FRONT_DESK, OWNER, startPageStack, stopPageStack, unreachableHost, type TestStack } from '../stack'
import { currentRoute, resetRoute } from '../taro-page'

const ask = (over: Partial<ActionInput<'binding.request'>> = {}): ActionInput<'binding.request'> => ({
  communityId: 'c-tianli',
  building: '3栋',
  unit: '1单元',
  room: '201',
  name: '钱先生',
  phone: '13612345678',
  relation: 'family',
  ...over,
})

/** The withdraw button (the confirmation modal is titled the same). */
const WITHDRAW = '.request-cancel .app-button__text'

const texts = (container: HTMLElement, selector: string) => Array.from(container.querySelectorAll(selector)).map((e) => e.textContent)

describe('我的房屋 (pages/binding/index) on the local stack', () => {
  let s: TestStack
  let seq = 0
  const newcomer = () => `wx-units-newcomer-${++seq}`

  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    Taro.removeStorageSync('current-unit')
    resetRoute()
    hideToasts()
  })

  it('a guest with nothing yet is told so and led to the form', async () => {
    setDevIdentity(newcomer())
    const { container } = render(<MyUnitsPage />)
    expect(await screen.findByText('您还没有绑定房屋')).toBeTruthy()
    expect(container.querySelector('.my-units__requests')).toBeNull()
    fireEvent.click(screen.getByText('申请绑定房屋'))
    expect(currentRoute()).toBe('/pages/binding/new')
  })

  it('shows a waiting request as 审核中, and withdraws it after asking', async () => {
    const guest = newcomer()
    const { request } = await s.must(guest)('binding.request', ask())
    setDevIdentity(guest)
    const { container } = render(<MyUnitsPage />)

    expect(await screen.findByText('审核中')).toBeTruthy()
    expect(texts(container, '.request-row__place')).toEqual(['3栋1单元201'])
    expect(container.querySelector('.request-row__sub')?.textContent).toContain('天利龙腾湾 · 家属 · 钱先生')

    fireEvent.click(screen.getByText('撤回申请', { selector: WITHDRAW }))
    fireEvent.click(await waitFor(() => modalButton('再想想')))
    expect((await s.must(guest)('binding.mine', {})).requests[0].state).toBe('pending')

    fireEvent.click(screen.getByText('撤回申请', { selector: WITHDRAW }))
    fireEvent.click(await waitFor(() => modalButton('撤回')))
    // Strings, not elements, inside waitFor: printing a failed element match is slow enough to stall the stack.
    await waitFor(() => expect(texts(container, '.request-row__place')).toEqual([]))
    expect(shownToast()).toBe('已撤回申请')
    expect((await s.must(guest)('binding.mine', {})).requests).toEqual([expect.objectContaining({ id: request.id, state: 'cancelled' })])
  })

  it('shows a rejection with its reason and offers to ask again', async () => {
    const guest = newcomer()
    const { request } = await s.must(guest)('binding.request', ask({ room: '202' }))
    await s.must(FRONT_DESK)('binding.review', { bindingId: request.id, approve: false, reason: '房号与登记信息不符' })
    setDevIdentity(guest)
    const { container } = render(<MyUnitsPage />)

    expect(await screen.findByText('未通过')).toBeTruthy()
    expect(container.querySelector('.request-row__reason')?.textContent).toBe('未通过原因：房号与登记信息不符')
    expect(screen.queryByText('撤回申请', { selector: WITHDRAW })).toBeNull()
    fireEvent.click(screen.getByText('重新申请'))
    expect(currentRoute()).toBe('/pages/binding/new')
  })

  it('after the front desk approves, the unit is listed as bound and current', async () => {
    const guest = newcomer()
    const { request } = await s.must(guest)('binding.request', ask({ room: '301' }))
    await s.must(FRONT_DESK)('binding.review', { bindingId: request.id, approve: true })
    setDevIdentity(guest)
    const { container } = render(<MyUnitsPage />)

    expect(await screen.findByText('已绑定房屋')).toBeTruthy()
    expect(texts(container, '.unit-row__place')).toEqual(['3栋1单元301'])
    expect(container.querySelector('.unit-row--current .unit-row__current')?.textContent).toBe('当前房屋')
    // Approved requests are shown as units, not as requests.
    expect(container.querySelector('.my-units__requests')).toBeNull()
  })

  it('an owner with two homes switches the current one; the home page shows the switch', async () => {
    setDevIdentity(OWNER)
    const { container, unmount } = render(<MyUnitsPage />)
    await screen.findByText('已绑定房屋')
    expect(texts(container, '.unit-row__place')).toEqual(['1栋1单元1201', '4栋2单元301'])
    expect(texts(container, '.unit-row--current .unit-row__place')).toEqual(['1栋1单元1201'])

    fireEvent.click(screen.getByText('4栋2单元301'))
    expect(texts(container, '.unit-row--current .unit-row__place')).toEqual(['4栋2单元301'])
    expect(shownToast()).toBe('已切换到4栋2单元301')
    expect(Taro.getStorageSync('current-unit')).toBe('u-4-2-301')
    unmount()

    // The choice is kept on the device: the home page marks it and leads back here.
    const home = render(<HomePage />)
    await screen.findByText('切换当前房屋 ›')
    expect(texts(home.container, '.home__unit--current')).toEqual(['🏠 天利龙腾湾 4栋2单元301'])
    fireEvent.click(screen.getByText('切换当前房屋 ›'))
    expect(currentRoute()).toBe('/pages/binding/index')
  })

  it('a unit kept on the device that is not the user\'s falls back to their first', async () => {
    Taro.setStorageSync('current-unit', 'u-3-2-502') // 黄女士's, e.g. from another demo identity
    setDevIdentity(OWNER)
    const { container } = render(<MyUnitsPage />)
    await screen.findByText('已绑定房屋')
    expect(texts(container, '.unit-row--current .unit-row__place')).toEqual(['1栋1单元1201'])
  })

  it('says the network is down and loads on 重新加载', async () => {
    setDevIdentity(OWNER)
    process.env.FUNCTION_HOST = await unreachableHost()
    render(<MyUnitsPage />)
    expect(await screen.findByText('网络不太顺畅，请稍后再试')).toBeTruthy()
    process.env.FUNCTION_HOST = s.stack.url
    fireEvent.click(screen.getByText('重新加载'))
    expect(await screen.findByText('已绑定房屋')).toBeTruthy()
  })
})

describe('home page for a guest (pages/index/index)', () => {
  let s: TestStack
  beforeAll(async () => {
    s = await startPageStack()
  })
  afterAll(() => stopPageStack(s))
  beforeEach(() => {
    process.env.FUNCTION_HOST = s.stack.url
    resetRoute()
  })

  it('says why and how to bind, with the way to the form and to the progress', async () => {
    setDevIdentity('wx-home-guest')
    const { container } = render(<HomePage />)
    expect(await screen.findByText('绑定房屋后即可报修')).toBeTruthy()
    expect(container.textContent).toContain('报修服务仅向已绑定房屋的业主和住户开放')
    expect(container.textContent).not.toContain('即将上线')
    fireEvent.click(screen.getByText('申请绑定房屋'))
    expect(currentRoute()).toBe('/pages/binding/new')
    fireEvent.click(screen.getByText('已提交申请？查看审核进度 ›'))
    expect(currentRoute()).toBe('/pages/binding/index')
  })

  it('an owner with one home gets the way to 我的房屋, with no current mark', async () => {
    setDevIdentity('demo-owner-huang')
    const { container } = render(<HomePage />)
    fireEvent.click(await screen.findByText('我的房屋 ›'))
    expect(currentRoute()).toBe('/pages/binding/index')
    expect(container.querySelector('.home__unit--current')).toBeNull()
  })
})
