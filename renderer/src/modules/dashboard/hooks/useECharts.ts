import { BarChart, FunnelChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import type { EChartsCoreOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef, type RefObject } from 'react'

// Only the pieces the dashboard draws, to keep the bundle small.
echarts.use([BarChart, FunnelChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

/** Which shape was clicked: the series and the item within it. */
export interface ChartHit {
  seriesIndex: number
  dataIndex: number
}

export interface ECharts {
  ref: RefObject<HTMLDivElement | null>
  /** The chart as a PNG data URL (white background, double resolution), or null before it is drawn. */
  toPng(): string | null
}

/** Draws `option` into the returned element, keeps it sized to that element and reports clicks on shapes. */
export function useECharts(option: EChartsCoreOption, locale: string, onClick?: (hit: ChartHit) => void): ECharts {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const clickRef = useRef(onClick)

  useEffect(() => {
    clickRef.current = onClick
  }, [onClick])

  useEffect(() => {
    const element = ref.current
    if (!element) return
    const instance = echarts.init(element, undefined, { renderer: 'canvas', locale: locale === 'zh-CN' ? 'ZH' : 'EN' })
    chart.current = instance
    instance.on('click', (params) => {
      const { seriesIndex, dataIndex } = params as { seriesIndex?: number; dataIndex?: number }
      if (seriesIndex !== undefined && dataIndex !== undefined) clickRef.current?.({ seriesIndex, dataIndex })
    })
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [locale])

  useEffect(() => {
    const instance = chart.current
    if (!instance) return
    instance.setOption(option, { notMerge: true })
    ref.current?.setAttribute('data-drawn', 'true')
  }, [option, locale])

  return {
    ref,
    toPng: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
  }
}
