import type { PropsWithChildren } from 'react'
import Taro, { useDidShow, useLaunch } from '@tarojs/taro'
import { flushPending } from '@/services/pending-flush'
import { watchReconnect } from '@/services/reconnect'

import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // The mini-program calls cloud functions through WeChat; H5 talks to the local host instead.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: process.env.CLOUD_ENV_ID || undefined, traceUser: true })
    }
    // Submissions kept while offline go out when the network is back, whatever page is open.
    watchReconnect()
  })
  // …and whenever the app comes back to the foreground.
  useDidShow(() => void flushPending())

  // children is the page being rendered.
  return children
}

export default App
