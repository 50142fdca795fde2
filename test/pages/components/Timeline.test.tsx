import { render } from '@testing-library/react'
import type { TimelineEntry } from '@/core/contract/views'
import Timeline from '@/components/Timeline'

const entry = (at: number, eventLabel: string, actorName: string, note = ''): TimelineEntry => ({
  at,
  actorName,
  actorKind: 'staff',
  event: 'x',
  eventLabel,
  from: null,
  to: 'submitted',
  note,
})

// 2025-11-22 09:00 / 09:10 / 10:30 in China.
const T0 = Date.UTC(2025, 10, 22, 1, 0)
const entries = [
  entry(T0, '提交报修', '林先生', '厨房水龙头漏水'),
  entry(T0 + 10 * 60_000, '派单', '系统'),
  entry(T0 + 90 * 60_000, '接单', '王师傅'),
]

describe('Timeline', () => {
  it('lists every entry, newest first, with label, actor and time', () => {
    const { container } = render(<Timeline entries={entries} />)
    const items = Array.from(container.querySelectorAll('.timeline-item'))
    expect(items).toHaveLength(3)
    expect(items.map((i) => i.querySelector('.timeline-item__event')?.textContent)).toEqual(['接单', '派单', '提交报修'])
    expect(items[0].querySelector('.timeline-item__actor')?.textContent).toBe('王师傅')
    expect(items[0].querySelector('.timeline-item__time')?.textContent).toBe('2025-11-22 10:30')
    expect(items[0].className).toContain('timeline-item--latest')
    expect(items[1].className).not.toContain('timeline-item--latest')
  })

  it('shows notes only where there is one', () => {
    const { container } = render(<Timeline entries={entries} />)
    const notes = container.querySelectorAll('.timeline-item__note')
    expect(notes).toHaveLength(1)
    expect(notes[0].textContent).toBe('厨房水龙头漏水')
    expect(notes[0].closest('.timeline-item')?.querySelector('.timeline-item__event')?.textContent).toBe('提交报修')
  })

  it('does not reorder the entries it was given', () => {
    const given = [...entries]
    render(<Timeline entries={given} />)
    expect(given.map((e) => e.eventLabel)).toEqual(['提交报修', '派单', '接单'])
  })

  it('says so when there is nothing yet', () => {
    const { container } = render(<Timeline entries={[]} />)
    expect(container.textContent).toBe('暂无处理记录')
  })
})
