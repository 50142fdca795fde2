// Guards the page-test harness itself (jest.project.js, setup.ts, taro-h5.js, taro-page.ts):
// Taro's H5 components render, `@tarojs/taro` APIs and React hooks resolve, and the
// lifecycle/router helpers reach a page's hooks.
import { useState } from 'react'
import { render, screen } from '@testing-library/react'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'

import { firePageLifecycle, setRouterParams } from './taro-page'

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
})
