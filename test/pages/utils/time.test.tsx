import { chinaDayStart, formatFull, formatShort, relativeDayName } from '@/utils/time'

// 2025-11-22T01:05:00Z is 09:05 on 22 November in China (UTC+8).
const MORNING_UTC = Date.UTC(2025, 10, 22, 1, 5)
// 2025-11-22T17:30:00Z is already 01:30 on 23 November in China.
const LATE_UTC = Date.UTC(2025, 10, 22, 17, 30)

describe('time formatter (China time, UTC+8)', () => {
  it('formats MM-DD HH:mm with zero padding', () => {
    expect(formatShort(MORNING_UTC)).toBe('11-22 09:05')
  })

  it('rolls over to the next China day when UTC is still on the previous one', () => {
    expect(formatShort(LATE_UTC)).toBe('11-23 01:30')
    expect(formatFull(LATE_UTC)).toBe('2025-11-23 01:30')
  })

  it('crosses a year end in China time', () => {
    expect(formatFull(Date.UTC(2025, 11, 31, 16, 0))).toBe('2026-01-01 00:00')
  })

  it('finds the start of the China day (00:00 UTC+8 = 16:00 UTC the day before)', () => {
    expect(chinaDayStart(MORNING_UTC)).toBe(Date.UTC(2025, 10, 21, 16, 0))
    expect(chinaDayStart(LATE_UTC)).toBe(Date.UTC(2025, 10, 22, 16, 0))
  })

  it('names today, tomorrow and the day after, then weekdays', () => {
    const today = chinaDayStart(MORNING_UTC)
    const day = 24 * 3_600_000
    expect(relativeDayName(today, MORNING_UTC)).toBe('今天')
    expect(relativeDayName(today + day, MORNING_UTC)).toBe('明天')
    expect(relativeDayName(today + 2 * day, MORNING_UTC)).toBe('后天')
    // 2025-11-25 is a Tuesday.
    expect(relativeDayName(today + 3 * day, MORNING_UTC)).toBe('周二')
  })
})
