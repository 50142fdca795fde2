import type { TrendDatum } from '@/utils/chart'

/**
 * What a platform's plot draws. The implementations are plot.h5.tsx (SVG) and plot.weapp.tsx
 * (Canvas 2D); TrendChart picks one at build time. Nothing imports this module's name at run time
 * (only its types): Taro's build would otherwise swap it for plot.h5 / plot.weapp by their suffix.
 */
export interface PlotProps {
  /** Unique on the page: the canvas is found by it on weapp. */
  id: string
  data: readonly TrendDatum[]
  /** The rate's target, 0–1, drawn as a dashed line; null for none. */
  target: number | null
  /** What the picture shows, for screen readers (the numbers are also in the table below it). */
  label: string
}

/** The chart's height in layout units (CSS px on weapp; the SVG's viewBox in H5). */
export const PLOT_HEIGHT = 190
