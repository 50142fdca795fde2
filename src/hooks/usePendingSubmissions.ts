import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { flushPending, sendingNow, sentSoFar } from '@/services/pending-flush'
import { listPending, subscribePending } from '@/services/pending-submissions'
import { watchReconnect } from '@/services/reconnect'
import type { PendingSubmission } from '@/utils/pending-queue'

export interface PendingView {
  items: PendingSubmission[]
  /** The request id being sent now, if any. */
  sending: string | null
  /** Grows each time a queued submission reaches the server: a ticket list reloads on it. */
  sent: number
}

const snapshot = (): PendingView => ({ items: listPending(), sending: sendingNow(), sent: sentSoFar() })

/**
 * The submissions waiting on this phone, kept current. A page showing them also tries to send
 * them whenever it shows (the network may be back) and from then on whenever it comes back.
 */
export function usePendingSubmissions({ flushOnShow = false } = {}): PendingView {
  const [view, setView] = useState(snapshot)
  useEffect(() => {
    watchReconnect()
    setView(snapshot())
    return subscribePending(() => setView(snapshot()))
  }, [])
  useDidShow(() => {
    setView(snapshot())
    if (flushOnShow && listPending().length > 0) void flushPending()
  })
  return view
}
