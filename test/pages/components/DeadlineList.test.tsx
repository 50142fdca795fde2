import { act, render } from '@testing-library/react'
import DeadlineList, { deadlineStatus, hasCountingDeadline, type Deadline } from '@/components/DeadlineList'
import { useNow } from '@/hooks/useNow'
import { countdownText, formatSpan } from '@/utils/time'

const MIN = 60_000
const NOW = Date.UTC(2025, 10, 24, 2, 0) // 10:00 on Monday 24 November in China

const deadline = (over: Partial<Deadline> = {}): Deadline => ({
  clock: 'onSite',
  label: '到场时限',
  dueAt: NOW + 12 * MIN,
  stoppedAt: null,
  breached: false,
  pausedAt: null,
  pauseReason: null,
  ...over,
})

describe('countdown words', () => {
  it.each([
    [0, '0 分钟'],
    [12 * MIN, '12 分钟'],
    [60 * MIN, '1 小时'],
    [200 * MIN, '3 小时 20 分钟'],
    [24 * 60 * MIN, '1 天'],
    [51 * 60 * MIN, '2 天 3 小时'],
  ])('%d ms is %s', (ms, text) => expect(formatSpan(ms)).toBe(text))

  it('rounds what is left up and what is late down', () => {
    expect(countdownText(NOW + 11 * MIN + 1, NOW)).toBe('剩余 12 分钟')
    expect(countdownText(NOW + 30_000, NOW)).toBe('剩余 1 分钟')
    expect(countdownText(NOW - 30_000, NOW)).toBe('已超时')
    expect(countdownText(NOW - 5 * MIN - 59_000, NOW)).toBe('已超时 5 分钟')
    expect(countdownText(NOW - 90 * MIN, NOW)).toBe('已超时 1 小时 30 分钟')
  })
})

describe('deadlineStatus', () => {
  it('counts down a running clock and counts up a late one', () => {
    expect(deadlineStatus(deadline(), NOW)).toEqual({ text: '剩余 12 分钟', tone: 'running' })
    expect(deadlineStatus(deadline({ dueAt: NOW - 5 * MIN, breached: true }), NOW)).toEqual({ text: '已超时 5 分钟', tone: 'late' })
    // The server found it breached a moment before the device's clock did.
    expect(deadlineStatus(deadline({ dueAt: NOW + 10_000, breached: true }), NOW)).toEqual({ text: '已超时', tone: 'late' })
  })

  it('says 已暂停 for a paused clock, however late it was, and 已完成 for a stopped one', () => {
    expect(deadlineStatus(deadline({ pausedAt: NOW - MIN, pauseReason: '业主不在家' }), NOW)).toEqual({ text: '已暂停', tone: 'paused' })
    expect(deadlineStatus(deadline({ stoppedAt: NOW - MIN }), NOW)).toEqual({ text: '已完成', tone: 'done' })
    expect(deadlineStatus(deadline({ stoppedAt: NOW, breached: true }), NOW)).toEqual({ text: '已完成（超时）', tone: 'late' })
  })

  it('knows whether anything still counts', () => {
    expect(hasCountingDeadline([deadline({ stoppedAt: NOW }), deadline({ pausedAt: NOW })])).toBe(false)
    expect(hasCountingDeadline([deadline({ stoppedAt: NOW }), deadline()])).toBe(true)
  })
})

describe('DeadlineList', () => {
  it('shows a paused clock with its reason', () => {
    const { container } = render(<DeadlineList deadlines={[deadline({ pausedAt: NOW - MIN, pauseReason: '业主要求改约' })]} now={NOW} />)
    expect(container.querySelector('.deadline-item--paused .deadline-item__status--paused')?.textContent).toBe('已暂停')
    expect(container.querySelector('.deadline-item__paused')?.textContent).toBe('暂停原因：业主要求改约。暂停期间不计时，恢复后时限顺延。')
  })

  describe('with the page’s clock (useNow)', () => {
    beforeEach(() => {
      jest.useFakeTimers({ now: NOW })
    })
    afterEach(() => {
      jest.useRealTimers()
    })

    function Live({ deadlines, live = true }: { deadlines: Deadline[]; live?: boolean }) {
      const now = useNow(30_000, live)
      return <DeadlineList deadlines={deadlines} now={now} />
    }
    const status = (container: HTMLElement) => container.querySelector('.deadline-item__status')?.textContent

    it('re-renders the countdown every 30 seconds, into 已超时 once due', () => {
      const { container } = render(<Live deadlines={[deadline({ dueAt: NOW + 2 * MIN })]} />)
      expect(status(container)).toBe('剩余 2 分钟')
      act(() => jest.advanceTimersByTime(30_000))
      expect(status(container)).toBe('剩余 2 分钟') // 1 min 30 s left, said upwards
      act(() => jest.advanceTimersByTime(60_000))
      expect(status(container)).toBe('剩余 1 分钟')
      act(() => jest.advanceTimersByTime(30_000))
      expect(status(container)).toBe('已超时')
      act(() => jest.advanceTimersByTime(5 * MIN))
      expect(status(container)).toBe('已超时 5 分钟')
      expect(container.querySelector('.deadline-item__status--late')).not.toBeNull()
    })

    it('does not tick while nothing counts', () => {
      render(<Live deadlines={[deadline({ pausedAt: NOW })]} live={false} />)
      expect(jest.getTimerCount()).toBe(0)
    })
  })
})
