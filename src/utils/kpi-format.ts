import type { Figures } from '@/core/contract/kpi-actions'

/** A rate and a duration as the figures carry them (see core/kpi/figures). */
export type Rate = Figures['completionRate']
export type Duration = Figures['cardTurnaround']

const MINUTE_MS = 60_000

/** '96.5%' (one decimal), or '—' when the rate had no base: nothing to measure is not 0%. */
export const percentText = (value: number | null): string => (value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`)

/** The target as read next to a figure: '目标 100%', or '目标 ≤5.0%' for a rate that should stay low. */
export const rateTargetText = (rate: Rate, lowerIsBetter = false): string | null =>
  rate.target === null ? null : `目标 ${lowerIsBetter ? '≤' : ''}${percentText(rate.target).replace('.0%', '%')}`

/** Whether a rate misses its target; a rate without base or without target never does. */
export const rateMissed = (rate: Rate, lowerIsBetter = false): boolean =>
  rate.value !== null && rate.target !== null && (lowerIsBetter ? rate.value > rate.target : rate.value < rate.target)

const oneDecimal = (n: number): string => String(Math.round(n * 10) / 10)

/** A span of time in the unit that reads best: 45秒, 12.5分钟, 3.2小时, 2.1天; '—' when not measured. */
export const durationText = (ms: number | null): string => {
  if (ms === null) return '—'
  if (ms < MINUTE_MS) return `${Math.round(ms / 1000)}秒`
  if (ms < 60 * MINUTE_MS) return `${oneDecimal(ms / MINUTE_MS)}分钟`
  if (ms < 48 * 60 * MINUTE_MS) return `${oneDecimal(ms / (60 * MINUTE_MS))}小时`
  return `${oneDecimal(ms / (24 * 60 * MINUTE_MS))}天`
}

/** Whether the average of a duration is over its target (e.g. IC卡办理用时 over 10 minutes). */
export const durationMissed = (d: Duration): boolean => d.avgMs !== null && d.targetMs !== null && d.avgMs > d.targetMs

/** '12/12' under a rate: what it counts of what. */
export const fractionText = (rate: Rate): string => `${rate.num}/${rate.den}`
