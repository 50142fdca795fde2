import { durationMissed, durationText, fractionText, percentText, rateMissed, rateTargetText } from '@/utils/kpi-format'

const rate = (num: number, den: number, target: number | null) => ({ value: den ? num / den : null, num, den, target })

describe('KPI figures as read on the dashboard', () => {
  it('shows a percent with one decimal, and — when a rate had no base', () => {
    expect(percentText(1)).toBe('100.0%')
    expect(percentText(2 / 3)).toBe('66.7%')
    expect(percentText(0.9995)).toBe('100.0%')
    expect(percentText(0)).toBe('0.0%')
    expect(percentText(null)).toBe('—')
  })

  it('marks a miss only against a target, and never for a rate without base', () => {
    expect(rateMissed(rate(9, 10, 1))).toBe(true)
    expect(rateMissed(rate(10, 10, 1))).toBe(false)
    expect(rateMissed(rate(0, 0, 1))).toBe(false)
    expect(rateMissed(rate(1, 10, null))).toBe(false)
    // A rate that should stay low (返修率) misses above its target.
    expect(rateMissed(rate(2, 10, 0.1), true)).toBe(true)
    expect(rateMissed(rate(1, 10, 0.1), true)).toBe(false)
  })

  it('words the target and the count behind a rate', () => {
    expect(rateTargetText(rate(9, 10, 1))).toBe('目标 100%')
    expect(rateTargetText(rate(1, 10, 0.05), true)).toBe('目标 ≤5%')
    expect(rateTargetText(rate(1, 10, null))).toBeNull()
    expect(fractionText(rate(9, 10, 1))).toBe('9/10')
  })

  it('shows a duration in the unit that reads best', () => {
    expect(durationText(null)).toBe('—')
    expect(durationText(45_000)).toBe('45秒')
    expect(durationText(90_000)).toBe('1.5分钟')
    expect(durationText(10 * 60_000)).toBe('10分钟')
    expect(durationText(3.25 * 3_600_000)).toBe('3.3小时')
    expect(durationText(50 * 3_600_000)).toBe('2.1天')
  })

  it('marks an average over its target (IC卡办理用时 over 10 minutes)', () => {
    const card = (avgMs: number | null) => ({ count: 1, avgMs, p90Ms: avgMs, targetMs: 600_000 })
    expect(durationMissed(card(600_001))).toBe(true)
    expect(durationMissed(card(600_000))).toBe(false)
    expect(durationMissed(card(null))).toBe(false)
    expect(durationMissed({ count: 1, avgMs: 1e9, p90Ms: 1e9, targetMs: null })).toBe(false)
  })
})
