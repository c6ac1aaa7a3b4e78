import { describe, expect, it } from 'vitest'
import type { ChangeBucket, Changes, Drill } from '../../shared/methods/analytics'
import { categoryOption, chartedMeasures, drillAt, type ChartModel } from '../../renderer/src/modules/dashboard/utils/chartModel'
import { countAmountModel } from '../../renderer/src/modules/dashboard/utils/dashboardModels'
import { presetDates, shownPeriod, withPick } from '../../renderer/src/modules/dashboard/utils/filters'
import { axisFloor, waterfallSteps } from '../../renderer/src/modules/dashboard/utils/waterfall'

const drill = (stageId: number): Drill => ({ entity: 'opportunity', filters: [{ column: 'stageId', op: 'in', value: [stageId] }] })

describe('dashboard chart model', () => {
  const model: ChartModel = {
    categories: ['Alice', 'Bob'],
    measures: [
      { key: 'count', name: 'Count', format: 'count', values: [3, 1], drills: [drill(1), drill(2)] },
      { key: 'amount', name: 'Amount', format: 'money', values: [300, 100], drills: [drill(3), drill(4)], tableOnly: true },
      { key: 'rate', name: 'Rate', format: 'percent', values: [0.5, null] },
    ],
  }

  it('draws only the charted measures and maps a click back to its drill-down', () => {
    expect(chartedMeasures(model).map((m) => m.key)).toEqual(['count', 'rate'])
    const option = categoryOption(model, (v) => String(v), (v) => String(v)) as { series: { name: string; data: unknown[] }[] }
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Count', [3, 1]],
      ['Rate', [0.5, null]],
    ])
    // Series 0 is "count" (the table-only amount is not drawn), so its second bar opens stage 2.
    expect(drillAt(chartedMeasures(model), 0, 1)).toEqual(drill(2))
    expect(drillAt(chartedMeasures(model), 1, 0)).toBeUndefined()
  })

  it('leads with the count or the amount and keeps the other for the table', () => {
    const rows = [{ key: 'price', label: 'Price', count: 2, amount: 50, drill: drill(9) }]
    const byAmount = countAmountModel(rows, { count: 'n', amount: 'a' }, 'amount')
    expect(chartedMeasures(byAmount).map((m) => m.key)).toEqual(['amount'])
    expect(byAmount.measures.map((m) => [m.key, m.values, m.tableOnly ?? false])).toEqual([
      ['amount', [50], false],
      ['count', [2], true],
    ])
  })
})

describe('dashboard filters', () => {
  it('resolves presets to inclusive dates and drops empty picks', () => {
    const today = new Date('2026-11-20T08:00:00Z')
    expect(presetDates('thisQuarter', today)).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(presetDates('lastMonth', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' })
    expect(withPick({ period: 'all', sources: ['web'] }, 'sources', [])).toEqual({ period: 'all' })
    expect(withPick({ period: 'all' }, 'regions', [null])).toEqual({ period: 'all', regions: [null] })
    expect(shownPeriod({ from: null, to: null })).toBeNull()
    expect(shownPeriod({ from: '2026-10-01', to: '2026-12-31' })).toEqual(['2026-10-01', '2026-12-31'])
  })
})

describe('what-changed waterfall', () => {
  const bucket = (key: ChangeBucket['key'], amount: number, flow = true): ChangeBucket => ({ key, label: key, flow, count: 1, amount, deals: [] })

  it('floats each flow from the running total and ends on the new total', () => {
    const changes: Changes = {
      money: { currency: 'CNY', rates: [] },
      from: { snapshotId: 1, takenAt: '2026-11-13T00:00:00.000Z' },
      to: { snapshotId: null, takenAt: '2026-11-20T00:00:00.000Z' },
      startAmount: 100,
      endAmount: 130,
      startCount: 3,
      endCount: 3,
      buckets: [bucket('created', 50), bucket('advanced', 999, false), bucket('won', -20)],
    }
    const steps = waterfallSteps(changes, { start: 'Start', end: 'End' })
    expect(steps.map((s) => [s.label, s.base, s.increase, s.decrease])).toEqual([
      ['Start', 0, 100, 0],
      ['created', 100, 50, 0],
      ['won', 130, 0, 20],
      ['End', 0, 130, 0],
    ])
    // Bars between 100 and 150: the axis starts one such span below.
    expect(axisFloor(steps)).toBe(50)
    const big = waterfallSteps({ ...changes, startAmount: 1_000_000, endAmount: 1_000_030 }, { start: 'Start', end: 'End' })
    // Moves of tens on a million: the axis starts 2% below the lowest bar, at a round value.
    expect(axisFloor(big)).toBe(970_000)
  })
})
