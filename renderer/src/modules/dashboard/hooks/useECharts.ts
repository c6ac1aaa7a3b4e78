import { FunnelChart } from 'echarts/charts'
import { TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import type { EChartsCoreOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef, type RefObject } from 'react'

// Only the pieces the dashboard draws, to keep the bundle small.
echarts.use([FunnelChart, TooltipComponent, CanvasRenderer])

/** Draws `option` into the returned element and keeps it sized to that element. */
export function useECharts(option: EChartsCoreOption, locale: string): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)

  useEffect(() => {
    const element = ref.current
    if (!element) return
    const instance = echarts.init(element, undefined, { renderer: 'canvas', locale: locale === 'zh-CN' ? 'ZH' : 'EN' })
    chart.current = instance
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [locale])

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true })
  }, [option, locale])

  return ref
}
