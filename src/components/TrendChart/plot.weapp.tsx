import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Canvas } from '@tarojs/components'
import { a11y } from '@/utils/a11y'
import { trendLayout } from '@/utils/chart'
import { drawTrend, type Canvas2D } from './draw'
import { PLOT_HEIGHT, type PlotProps } from './plot'

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): Canvas2D & { scale(x: number, y: number): void }
}

/**
 * weapp: the layout drawn on a Canvas 2D node, found by id once rendered, sized in CSS pixels
 * and scaled by the device pixel ratio so lines stay sharp.
 */
export function Plot({ id, data, target, label }: PlotProps) {
  const key = JSON.stringify([data, target])
  useEffect(() => {
    let gone = false
    // The node exists once the page's render has reached the view layer: asked after the next
    // tick, and again a few times if a slow first render is not there yet.
    const draw = (triesLeft: number) =>
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
          if (gone) return
          const found = res[0]
          if (!found?.node) {
            if (triesLeft > 0) setTimeout(() => draw(triesLeft - 1), 100)
            return
          }
          const dpr = Taro.getWindowInfo().pixelRatio
          const canvas = found.node
          canvas.width = Math.round(found.width * dpr)
          canvas.height = Math.round(found.height * dpr)
          const ctx = canvas.getContext('2d')
          ctx.scale(dpr, dpr)
          drawTrend(ctx, trendLayout(data, { width: found.width, height: found.height }, target))
        })
    Taro.nextTick(() => draw(5))
    return () => {
      gone = true
    }
  }, [id, key])
  return <Canvas type='2d' id={id} className='trend-chart__plot' style={{ width: '100%', height: `${PLOT_HEIGHT}px` }} {...a11y('img', label)} />
}
