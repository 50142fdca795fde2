import { CHART_COLORS, trendLayout } from '@/utils/chart'
import { PLOT_HEIGHT, type PlotProps } from './plot'

/** The width the SVG is laid out at; it scales to the card's width (viewBox). */
const WIDTH = 340

/**
 * H5: the layout as SVG — sharp at any zoom, no canvas to size, and its bars and line are
 * elements a test can read.
 */
export function Plot({ id, data, target, label }: PlotProps) {
  const l = trendLayout(data, { width: WIDTH, height: PLOT_HEIGHT }, target)
  const { plot } = l
  const text = { fontSize: l.fontSize, fill: CHART_COLORS.text }
  return (
    <svg id={id} className='trend-chart__plot' viewBox={`0 0 ${l.width} ${l.height}`} width='100%' role='img' aria-label={label}>
      {l.countTicks.map((t) => (
        <line key={`g${t.y}`} x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} stroke={CHART_COLORS.grid} />
      ))}
      {l.countTicks.map((t) => (
        <text key={`c${t.y}`} x={plot.left - 4} y={t.y} textAnchor='end' dominantBaseline='middle' {...text}>
          {t.text}
        </text>
      ))}
      {l.rateTicks.map((t) => (
        <text key={`r${t.y}`} x={plot.right + 4} y={t.y} textAnchor='start' dominantBaseline='middle' {...text}>
          {t.text}
        </text>
      ))}
      {l.xLabels.map((x) => (
        <text key={`x${x.x}`} className='trend-chart__x' x={x.x} y={plot.bottom + 4} textAnchor='middle' dominantBaseline='hanging' {...text}>
          {x.text}
        </text>
      ))}
      {l.bars.map((b, i) => (
        <rect key={`b${i}`} className='trend-chart__bar' x={b.x} y={b.y} width={b.width} height={b.height} fill={CHART_COLORS.bar} />
      ))}
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={CHART_COLORS.axis} />
      {l.targetY !== null && (
        <line className='trend-chart__target' x1={plot.left} x2={plot.right} y1={l.targetY} y2={l.targetY} stroke={CHART_COLORS.target} strokeDasharray='4 3' />
      )}
      {l.segments.map((seg, i) => (
        <polyline
          key={`s${i}`}
          className='trend-chart__line'
          points={seg.map((p) => `${p.x},${p.y}`).join(' ')}
          fill='none'
          stroke={CHART_COLORS.line}
          strokeWidth={2}
        />
      ))}
      {l.points.map((p, i) => (
        <circle key={`p${i}`} className='trend-chart__point' cx={p.x} cy={p.y} r={3} fill={CHART_COLORS.line} />
      ))}
    </svg>
  )
}
