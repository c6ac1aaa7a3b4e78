import type { EChartsCoreOption } from 'echarts/core'
import type { Drill } from '../../../../../shared/methods/analytics'

/** How a figure reads: counts, amounts in the base currency, ratios (0–1) or days. */
export type Format = 'count' | 'money' | 'percent' | 'days'
export type FormatValue = (value: number | null | undefined, format: Format) => string

/** One measure over the chart's categories, with the drill-down behind each value. */
export interface Measure {
  key: string
  name: string
  format: Format
  values: (number | null)[]
  drills?: Drill[]
  kind?: 'bar' | 'line'
  stack?: string
  color?: string
  /** Only in the table: a second measure that would not read well on the chart's axis. */
  tableOnly?: boolean
}

/** A chart as rows (categories) by measures: the same model draws the chart and its table view. */
export interface ChartModel {
  categories: string[]
  measures: Measure[]
  horizontal?: boolean
}

export const palette = ['#1677ff', '#52c41a', '#faad14', '#ff4d4f', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c']

/** The measures drawn on the chart, in series order (a click names a series by this index). */
export const chartedMeasures = (model: ChartModel): Measure[] => model.measures.filter((m) => !m.tableOnly)

/** The drill-down behind a shape the person clicked, if there is one. */
export function drillAt(measures: readonly Measure[], seriesIndex: number, dataIndex: number): Drill | undefined {
  return measures[seriesIndex]?.drills?.[dataIndex]
}

/** Bars and lines over categories, one axis in the first charted measure's format. */
export function categoryOption(model: ChartModel, format: FormatValue, axisLabel: (value: number, format: Format) => string): EChartsCoreOption {
  const measures = chartedMeasures(model)
  const axisFormat = measures[0]?.format ?? 'count'
  const categoryAxis = { type: 'category', data: model.categories, axisLabel: { interval: 0, hideOverlap: true, width: 110, overflow: 'truncate' } }
  const valueAxis = { type: 'value', axisLabel: { formatter: (v: number) => axisLabel(v, axisFormat) } }
  return {
    color: measures.map((m, i) => m.color ?? palette[i % palette.length]!),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: measures.length > 1 ? { top: 0, type: 'scroll' } : undefined,
    grid: { left: 8, right: 16, top: measures.length > 1 ? 36 : 16, bottom: 8 },
    xAxis: model.horizontal ? valueAxis : categoryAxis,
    yAxis: model.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: measures.map((m) => ({
      type: m.kind ?? 'bar',
      name: m.name,
      stack: m.stack,
      data: m.values,
      barMaxWidth: 36,
      cursor: m.drills ? 'pointer' : 'default',
      tooltip: { valueFormatter: (v: number | null) => format(v, m.format) },
    })),
  }
}
