// Guards the page-test harness itself (jest.project.js, environment.js, setup.ts, taro-h5.js,
// taro-page.ts): Taro's H5 components render, `@tarojs/taro` APIs and React hooks resolve, the
// lifecycle/router helpers reach a page's hooks, and Node's fetch is there for the real stack.
import { useState } from 'react'
import { render, screen } from '@testing-library/react'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'

import { currentRoute, firePageLifecycle, resetRoute, setRouterParams } from './taro-page'

function ProbePage() {
  const router = useRouter()
  const [status, setStatus] = useState('waiting')
  useLoad((query?: Record<string, string>) => {
    setStatus(`loaded id=${router.params.id} from=${query?.from}`)
  })
  return (
    <View>
      <View>{status}</View>
      <Button>ok</Button>
    </View>
  )
}

describe('page test harness', () => {
  it('builds pages as H5 in local mode', () => {
    expect(process.env.TARO_ENV).toBe('h5')
    expect(process.env.LOCAL_MODE).toBe('1')
  })

  it('exposes Taro H5 APIs', () => {
    expect(typeof Taro.navigateTo).toBe('function')
    expect(typeof Taro.showToast).toBe('function')
  })

  it('runs useLoad with router params when the lifecycle is fired', async () => {
    setRouterParams({ id: '42' })
    render(<ProbePage />)
    expect(screen.getByText('waiting')).toBeTruthy()

    await firePageLifecycle('onLoad', { from: 'list' })

    expect(screen.getByText('loaded id=42 from=list')).toBeTruthy()
  })

  it('follows Taro navigation in the hash route, as the H5 build does', async () => {
    resetRoute()
    expect(currentRoute()).toBe('')
    await Taro.navigateTo({ url: '/pages/ticket/detail?id=42' })
    expect(currentRoute()).toBe('/pages/ticket/detail?id=42')
    await Taro.redirectTo({ url: '/pages/index/index' })
    expect(currentRoute()).toBe('/pages/index/index')
  })

  it('has Node\'s own fetch beside jsdom (not Taro\'s XHR polyfill), so pages can reach the local stack', () => {
    expect(typeof fetch).toBe('function')
    expect((fetch as typeof fetch & { polyfill?: boolean }).polyfill).toBeUndefined()
    expect(new Response('{}').headers).toBeInstanceOf(Headers)
    expect(typeof setImmediate).toBe('function')
    expect(structuredClone({ a: [1] })).toEqual({ a: [1] })
  })
})
