import type { EChartsCoreOption } from 'echarts/core'
import type { ChangeBucket, Changes } from '../../../../../shared/methods/analytics'

export interface WaterfallStep {
  label: string
  /** The invisible part below the visible bar. */
  base: number
  increase: number
  decrease: number
  /** The bucket behind the bar; null for the start and end totals. */
  bucket: ChangeBucket | null
}

/**
 * From the old open total to the new one: the totals stand on the axis, each
 * flow bucket floats from the running total, up when it adds and down when
 * it takes away.
 */
export function waterfallSteps(changes: Changes, labels: { start: string; end: string }): WaterfallStep[] {
  const steps: WaterfallStep[] = [{ label: labels.start, base: 0, increase: changes.startAmount, decrease: 0, bucket: null }]
  let running = changes.startAmount
  for (const bucket of changes.buckets.filter((b) => b.flow)) {
    const next = running + bucket.amount
    steps.push({
      label: bucket.label,
      base: Math.min(running, next),
      increase: bucket.amount > 0 ? bucket.amount : 0,
      decrease: bucket.amount < 0 ? -bucket.amount : 0,
      bucket,
    })
    running = next
  }
  steps.push({ label: labels.end, base: 0, increase: changes.endAmount, decrease: 0, bucket: null })
  return steps
}

export function waterfallOption(
  steps: readonly WaterfallStep[],
  names: { base: string; increase: string; decrease: string },
  money: (value: number) => string,
  axis: (value: number) => string,
): EChartsCoreOption {
  const valueFormatter = (v: number) => money(v)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter },
    grid: { left: 8, right: 16, top: 16, bottom: 8 },
    xAxis: { type: 'category', data: steps.map((s) => s.label), axisLabel: { interval: 0, hideOverlap: true } },
    // Zoomed to where the bars move: a week's changes are small beside the whole pipeline.
    yAxis: { type: 'value', min: axisFloor(steps), axisLabel: { formatter: axis } },
    series: [
      // The invisible base that lifts each bucket to the running total.
      {
        type: 'bar',
        name: names.base,
        stack: 'flow',
        silent: true,
        itemStyle: { color: 'transparent' },
        tooltip: { show: false },
        data: steps.map((s) => s.base),
      },
      {
        type: 'bar',
        name: names.increase,
        stack: 'flow',
        cursor: 'pointer',
        data: steps.map((s) => ({ value: s.increase, itemStyle: { color: s.bucket ? '#52c41a' : '#1677ff' } })),
      },
      { type: 'bar', name: names.decrease, stack: 'flow', cursor: 'pointer', itemStyle: { color: '#ff4d4f' }, data: steps.map((s) => s.decrease) },
    ],
  }
}

/** A round value below the lowest point any visible bar reaches, leaving room to see the moves. */
export function axisFloor(steps: readonly WaterfallStep[]): number {
  const lows = steps.map((s) => (s.bucket ? s.base : s.increase))
  const highs = steps.map((s) => s.base + s.increase + s.decrease)
  const low = Math.min(...lows)
  const high = Math.max(...highs)
  const room = Math.max(high - low, high * 0.02)
  const floor = low - room
  if (floor <= 0) return 0
  const unit = 10 ** Math.floor(Math.log10(room))
  return Math.floor(floor / unit) * unit
}
