import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'

import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // The mini-program calls cloud functions through WeChat; H5 talks to the local host instead.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: process.env.CLOUD_ENV_ID || undefined, traceUser: true })
    }
  })

  // children is the page being rendered.
  return children
}

export default App
