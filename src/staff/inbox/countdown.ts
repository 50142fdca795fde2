import type { TicketSummary } from '@/core/contract/views'
import { countdownText } from '@/utils/time'

/**
 * Under this share of its own time left, a clock is about to breach. The sweep reminds the
 * handler at the same point (policy.escalation.remindAtFraction = 0.8, i.e. 20% left).
 */
export const SOON_FRACTION = 0.2

export type CountdownTone = 'ok' | 'soon' | 'late' | 'paused'

export interface Countdown {
  tone: CountdownTone
  /** e.g. 到场时限 · 剩余 12 分钟 / 已超时 5 分钟 / 计时已暂停. */
  text: string
}

/** What a task card says about its running clock at `now`. */
export const countdownOf = (clock: NonNullable<TicketSummary['clock']>, now: number): Countdown => {
  if (clock.pausedAt !== null) return { tone: 'paused', text: `${clock.label} · 计时已暂停` }
  const left = clock.dueAt - now
  const tone: CountdownTone = left <= 0 ? 'late' : left < clock.spanMs * SOON_FRACTION ? 'soon' : 'ok'
  return { tone, text: `${clock.label} · ${countdownText(clock.dueAt, now)}` }
}
