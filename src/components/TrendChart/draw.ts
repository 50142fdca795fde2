import { CHART_COLORS, type TrendLayout } from '@/utils/chart'

/**
 * The part of CanvasRenderingContext2D the chart uses: the browser's and the mini-program's
 * Canvas 2D contexts both have it.
 */
export interface Canvas2D {
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  font: string
  textAlign: string
  textBaseline: string
  clearRect(x: number, y: number, w: number, h: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  arc(x: number, y: number, r: number, start: number, end: number): void
  stroke(): void
  fill(): void
  fillText(text: string, x: number, y: number): void
  setLineDash(segments: number[]): void
}

const hLine = (ctx: Canvas2D, x1: number, x2: number, y: number) => {
  ctx.beginPath()
  ctx.moveTo(x1, y)
  ctx.lineTo(x2, y)
  ctx.stroke()
}

/** Draws a laid-out trend chart in layout units (scale the context for the device's pixels first). */
export function drawTrend(ctx: Canvas2D, l: TrendLayout): void {
  const { plot } = l
  ctx.clearRect(0, 0, l.width, l.height)
  ctx.font = `${l.fontSize}px sans-serif`
  ctx.lineWidth = 1
  ctx.setLineDash([])

  ctx.strokeStyle = CHART_COLORS.grid
  for (const t of l.countTicks) hLine(ctx, plot.left, plot.right, t.y)

  ctx.fillStyle = CHART_COLORS.text
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'right'
  for (const t of l.countTicks) ctx.fillText(t.text, plot.left - 4, t.y)
  ctx.textAlign = 'left'
  for (const t of l.rateTicks) ctx.fillText(t.text, plot.right + 4, t.y)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  for (const x of l.xLabels) ctx.fillText(x.text, x.x, plot.bottom + 4)

  ctx.fillStyle = CHART_COLORS.bar
  for (const b of l.bars) if (b.height > 0) ctx.fillRect(b.x, b.y, b.width, b.height)

  ctx.strokeStyle = CHART_COLORS.axis
  hLine(ctx, plot.left, plot.right, plot.bottom)

  if (l.targetY !== null) {
    ctx.strokeStyle = CHART_COLORS.target
    ctx.setLineDash([4, 3])
    hLine(ctx, plot.left, plot.right, l.targetY)
    ctx.setLineDash([])
  }

  ctx.strokeStyle = CHART_COLORS.line
  ctx.lineWidth = 2
  for (const seg of l.segments) {
    ctx.beginPath()
    seg.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)))
    ctx.stroke()
  }
  ctx.fillStyle = CHART_COLORS.line
  for (const p of l.points) {
    ctx.beginPath()
    ctx.arc(p.x, p.y, 3, 0, Math.PI * 2)
    ctx.fill()
  }
}
