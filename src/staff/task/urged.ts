import type { TimelineEntry } from '@/core/contract/views'

/**
 * Whether the owner is still waiting on an urge (催办): the urges since the ticket last moved on,
 * the latest first found. Routing (派单) does not answer an urge — an urge of a ticket nobody
 * held is routed at once, and the person it reaches must still see it — but any other change of
 * state does (接单, 到场, 完工 …). Null when there is no urge waiting.
 */
export const pendingUrge = (timeline: readonly TimelineEntry[]): { at: number; count: number } | null => {
  let at = 0
  let count = 0
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i]
    if (e.event === 'urge') {
      at = Math.max(at, e.at)
      count++
    } else if (e.from !== e.to && e.event !== 'dispatch') {
      break
    }
  }
  return count > 0 ? { at, count } : null
}
