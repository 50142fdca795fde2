/**
 * The layout of a trend chart — bars of a count (left axis) and a line of a rate 0–100% (right
 * axis) per bucket — as plain numbers: what to draw where. Pure, so both renderers (SVG in H5,
 * Canvas 2D on weapp) draw the very same picture and the geometry is unit-tested.
 */

export interface TrendDatum {
  /** The bucket's name under its bar: 第47周, 11月 … */
  label: string
  /** The bar: a count (工单量). */
  count: number
  /** The line: a fraction 0–1; null when it had no base (no point, the line breaks there). */
  rate: number | null
}

export interface ChartSize {
  width: number
  height: number
}

export interface Bar {
  x: number
  y: number
  width: number
  height: number
  count: number
}

export interface LinePoint {
  x: number
  y: number
  rate: number
}

export interface Tick {
  /** Vertical position of the grid line. */
  y: number
  text: string
}

export interface XLabel {
  x: number
  text: string
}

export interface TrendLayout extends ChartSize {
  /** The plot area, inside the axes' labels. */
  plot: { left: number; top: number; right: number; bottom: number }
  bars: Bar[]
  /** Points of the rate line; consecutive runs without a gap are the segments to draw. */
  points: LinePoint[]
  segments: LinePoint[][]
  /** Left axis (counts) and right axis (percent), at the same heights. */
  countTicks: Tick[]
  rateTicks: Tick[]
  /** Bucket names, thinned so they never overlap. */
  xLabels: XLabel[]
  /** Height of the rate target (e.g. 100%), or null when there is none. */
  targetY: number | null
  /** Text size the layout made room for, in the same units as width and height. */
  fontSize: number
  /** Nothing to show: no buckets, or no ticket and no rate in any. */
  empty: boolean
}

/** The colours both renderers use: the app's green for bars, amber for the rate. */
export const CHART_COLORS = {
  bar: '#7fb8a8',
  line: '#d97706',
  target: '#d4380d',
  grid: '#eef0f2',
  axis: '#c9cdd4',
  text: '#6b7280',
} as const

const GRID_LINES = 4

/** Approximate width of a label: a CJK character is about a font size wide, others about half. */
export const textWidth = (text: string, fontSize: number): number =>
  [...text].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? fontSize : fontSize * 0.6), 0)

/**
 * The top of the count axis: the smallest "nice" step (1, 2, 2.5, 5 × 10ⁿ; 2.5 only from 25 on, so
 * ticks stay whole) times GRID_LINES that holds `max`; at least one per grid line.
 */
export const niceCountMax = (max: number): number => {
  const raw = Math.max(1, max / GRID_LINES)
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const multiples = magnitude >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10]
  const step = multiples.map((m) => m * magnitude).find((s) => s >= raw - 1e-9) ?? 10 * magnitude
  return step * GRID_LINES
}

const percentText = (fraction: number) => `${Math.round(fraction * 100)}%`

/**
 * Lays out `data` in a box of `size`. `target` is the rate's target (0–1) drawn as a dashed line.
 * The rate axis always spans 0–100%, so weeks compare at a glance and a target of 100% sits on top.
 */
export function trendLayout(data: readonly TrendDatum[], size: ChartSize, target: number | null = null): TrendLayout {
  const fontSize = Math.max(9, Math.min(12, Math.round(size.width / 32)))
  const maxCount = data.reduce((m, d) => Math.max(m, d.count), 0)
  const countMax = niceCountMax(maxCount)
  const leftText = Math.max(textWidth(String(countMax), fontSize), fontSize)
  const plot = {
    left: Math.round(leftText + 8),
    top: Math.round(fontSize * 0.75),
    right: Math.round(size.width - textWidth('100%', fontSize) - 8),
    bottom: Math.round(size.height - fontSize * 2),
  }
  const plotHeight = plot.bottom - plot.top
  const slot = data.length ? (plot.right - plot.left) / data.length : 0
  const barWidth = Math.min(slot * 0.6, fontSize * 3)
  const centre = (i: number) => plot.left + slot * (i + 0.5)
  const yOfCount = (c: number) => plot.bottom - (c / countMax) * plotHeight
  const yOfRate = (r: number) => plot.bottom - Math.min(1, Math.max(0, r)) * plotHeight

  const bars = data.map((d, i) => ({
    x: centre(i) - barWidth / 2,
    y: yOfCount(d.count),
    width: barWidth,
    height: plot.bottom - yOfCount(d.count),
    count: d.count,
  }))

  const points: LinePoint[] = []
  const segments: LinePoint[][] = []
  let run: LinePoint[] = []
  data.forEach((d, i) => {
    if (d.rate === null) {
      if (run.length) segments.push(run)
      run = []
      return
    }
    const p = { x: centre(i), y: yOfRate(d.rate), rate: d.rate }
    points.push(p)
    run.push(p)
  })
  if (run.length) segments.push(run)

  const grid = Array.from({ length: GRID_LINES + 1 }, (_, k) => k / GRID_LINES)
  const countTicks = grid.map((f) => ({ y: plot.bottom - f * plotHeight, text: String(Math.round(f * countMax)) }))
  const rateTicks = grid.map((f) => ({ y: plot.bottom - f * plotHeight, text: percentText(f) }))

  // Every `step`-th name, so that names (plus a gap) fit their slots; the last bucket always shows.
  const widest = data.reduce((w, d) => Math.max(w, textWidth(d.label, fontSize)), 0)
  const step = slot > 0 ? Math.max(1, Math.ceil((widest + fontSize * 0.5) / slot)) : 1
  const shown = data.map((_, i) => i).filter((i) => (data.length - 1 - i) % step === 0)
  const xLabels = shown.map((i) => ({ x: centre(i), text: data[i].label }))

  return {
    width: size.width,
    height: size.height,
    plot,
    bars,
    points,
    segments,
    countTicks,
    rateTicks,
    xLabels,
    targetY: target === null ? null : yOfRate(target),
    fontSize,
    empty: data.length === 0 || (maxCount === 0 && points.length === 0),
  }
}
