import { niceCountMax, textWidth, trendLayout, type TrendDatum } from '@/utils/chart'

const SIZE = { width: 320, height: 190 }
const week = (n: number, count: number, rate: number | null): TrendDatum => ({ label: `第${n}周`, count, rate })

describe('trend chart layout (bars of a count, a line of a rate)', () => {
  it('places bars and line points on their scales, hand-computed', () => {
    const l = trendLayout([week(1, 3, 1), week(2, 8, 0.5), week(3, 0, null)], SIZE, 1)
    // Text 10 units high: room on the left for "8", on the right for "100%", below for the names.
    expect([l.fontSize, l.plot]).toEqual([10, { left: 18, top: 8, right: 288, bottom: 170 }])
    // Three slots of 90 units; bars 30 wide at their centres 63, 153, 243; 8 is the top (162 high).
    expect(l.bars).toEqual([
      { x: 48, y: 109.25, width: 30, height: 60.75, count: 3 },
      { x: 138, y: 8, width: 30, height: 162, count: 8 },
      { x: 228, y: 170, width: 30, height: 0, count: 0 },
    ])
    expect(l.points).toEqual([
      { x: 63, y: 8, rate: 1 },
      { x: 153, y: 89, rate: 0.5 },
    ])
    expect(l.segments).toEqual([l.points])
    expect(l.countTicks.map((t) => [t.y, t.text])).toEqual([
      [170, '0'],
      [129.5, '2'],
      [89, '4'],
      [48.5, '6'],
      [8, '8'],
    ])
    expect(l.rateTicks.map((t) => t.text)).toEqual(['0%', '25%', '50%', '75%', '100%'])
    // The 100% target sits on the top grid line.
    expect(l.targetY).toBe(8)
    expect(l.xLabels).toEqual([
      { x: 63, text: '第1周' },
      { x: 153, text: '第2周' },
      { x: 243, text: '第3周' },
    ])
    expect(l.empty).toBe(false)
  })

  it('breaks the line where a rate had no base, instead of drawing it at 0%', () => {
    const l = trendLayout([week(1, 2, 0.5), week(2, 1, null), week(3, 4, 1), week(4, 4, 0.75)], SIZE)
    expect(l.segments.map((s) => s.map((p) => p.rate))).toEqual([[0.5], [1, 0.75]])
    expect(l.targetY).toBeNull()
  })

  it('with every rate null still draws the bars and no line', () => {
    const l = trendLayout([week(1, 2, null), week(2, 5, null)], SIZE, 1)
    expect(l.points).toEqual([])
    expect(l.segments).toEqual([])
    expect(l.bars.map((b) => b.height > 0)).toEqual([true, true])
    expect(l.empty).toBe(false)
  })

  it('is empty with no buckets, or with no ticket and no rate in any; the count axis still reads 0–4', () => {
    const none = trendLayout([], SIZE)
    expect([none.empty, none.bars, none.points, none.xLabels]).toEqual([true, [], [], []])
    expect(none.countTicks.map((t) => t.text)).toEqual(['0', '1', '2', '3', '4'])
    const quiet = trendLayout([week(1, 0, null), week(2, 0, null)], SIZE)
    expect(quiet.empty).toBe(true)
    expect(quiet.bars.every((b) => b.height === 0)).toBe(true)
  })

  it('centres a single bucket and keeps its bar narrow', () => {
    const l = trendLayout([week(47, 5, 0.8)], SIZE, 1)
    const [bar] = l.bars
    expect(bar.x + bar.width / 2).toBe((l.plot.left + l.plot.right) / 2)
    expect(bar.width).toBe(30)
    expect(l.points).toEqual([{ x: (l.plot.left + l.plot.right) / 2, y: l.plot.bottom - 0.8 * (l.plot.bottom - l.plot.top), rate: 0.8 }])
    expect(l.xLabels).toHaveLength(1)
  })

  it('thins twelve week names so none overlaps, always showing the latest', () => {
    const data = Array.from({ length: 12 }, (_, i) => week(36 + i, i, 0.9))
    const l = trendLayout(data, SIZE)
    expect(l.xLabels.length).toBeLessThan(12)
    expect(l.xLabels.at(-1)?.text).toBe('第47周')
    for (let i = 1; i < l.xLabels.length; i++) {
      const gap = l.xLabels[i].x - l.xLabels[i - 1].x
      expect(gap).toBeGreaterThanOrEqual(textWidth('第47周', l.fontSize))
    }
    // Every bucket still has its bar.
    expect(l.bars).toHaveLength(12)
  })

  it('keeps rates inside the plot even if one were out of 0–1', () => {
    const l = trendLayout([week(1, 1, 1.2), week(2, 1, -0.1)], SIZE)
    expect(l.points.map((p) => p.y)).toEqual([l.plot.top, l.plot.bottom])
  })
})

describe('count axis', () => {
  it('rounds the top up to 4 × a nice step (1, 2, 2.5, 5 × 10ⁿ), whole numbers for small counts', () => {
    expect([0, 1, 3, 4, 5, 8, 9, 37, 90, 120, 1000, 1001].map(niceCountMax)).toEqual([4, 4, 4, 4, 8, 8, 20, 40, 100, 200, 1000, 2000])
  })

  it('measures CJK text about twice as wide as digits', () => {
    expect(textWidth('第1周', 10)).toBe(26)
    expect(textWidth('100%', 10)).toBe(24)
  })
})
