import { isSlotOpen, slotRange, toAppointment, upcomingDays } from '@/utils/appointment'

const HOUR = 3_600_000
// 10:00 on Saturday 22 November 2025 in China (02:00 UTC).
const NOW = Date.UTC(2025, 10, 22, 2, 0)
const TODAY = Date.UTC(2025, 10, 21, 16, 0) // 00:00 of 22 November in China

describe('appointment slots → epoch ms in China time', () => {
  it('maps 上午 to 09:00-12:00 UTC+8 (01:00-04:00 UTC)', () => {
    expect(slotRange(TODAY, 'morning')).toEqual({ start: Date.UTC(2025, 10, 22, 1, 0), end: Date.UTC(2025, 10, 22, 4, 0) })
  })

  it('maps 下午 to 14:00-18:00 and 晚上 to 18:00-20:00', () => {
    expect(slotRange(TODAY, 'afternoon')).toEqual({ start: TODAY + 14 * HOUR, end: TODAY + 18 * HOUR })
    expect(slotRange(TODAY, 'evening')).toEqual({ start: Date.UTC(2025, 10, 22, 10, 0), end: Date.UTC(2025, 10, 22, 12, 0) })
  })

  it('uses the China day of any instant inside it', () => {
    expect(slotRange(TODAY + 23 * HOUR, 'morning')).toEqual(slotRange(TODAY, 'morning'))
  })

  it('offers today and the next six days, each starting at 00:00 UTC+8', () => {
    const days = upcomingDays(NOW)
    expect(days).toHaveLength(7)
    expect(days[0]).toBe(TODAY)
    expect(days[6]).toBe(TODAY + 6 * 24 * HOUR)
  })

  it('closes a slot once it has begun', () => {
    expect(isSlotOpen(TODAY, 'morning', NOW)).toBe(false)
    expect(isSlotOpen(TODAY, 'afternoon', NOW)).toBe(true)
  })

  it('turns the form choice into the submit field', () => {
    expect(toAppointment({ mode: 'asap' }, NOW)).toEqual({ ok: true, value: null })
    expect(toAppointment({ mode: 'book', day: TODAY, slot: null }, NOW)).toEqual({ ok: false, error: '请选择预约日期和时段' })
    expect(toAppointment({ mode: 'book', day: TODAY, slot: 'morning' }, NOW)).toEqual({ ok: false, error: '所选时段已过，请重新选择' })
    expect(toAppointment({ mode: 'book', day: TODAY, slot: 'evening' }, NOW)).toEqual({
      ok: true,
      value: { start: TODAY + 18 * HOUR, end: TODAY + 20 * HOUR },
    })
  })
})
