import Taro from '@tarojs/taro'
import { flushPending } from './pending-flush'

let watching = false

/**
 * Sends the waiting submissions whenever the network comes back. Once per app, whoever asks
 * first (the app at launch, or a page showing the queue). Taro's H5 network events follow
 * navigator.connection, which says nothing about going offline: the browser's own `online`
 * event does.
 */
export function watchReconnect(): void {
  if (watching) return
  watching = true
  if (process.env.TARO_ENV === 'h5') {
    window.addEventListener('online', () => void flushPending())
  } else {
    Taro.onNetworkStatusChange(({ isConnected }) => {
      if (isConnected) void flushPending()
    })
  }
}
