import { describe, expect, it } from 'vitest'
import type { BreakdownRow } from '../../shared/methods/analytics'
import { chartedMeasures } from '../../renderer/src/modules/dashboard/utils/chartModel'
import { breakdownModel } from '../../renderer/src/modules/dashboard/utils/dashboardModels'
import { initialFilters, withCustomPick } from '../../renderer/src/modules/dashboard/utils/filters'

const t = (key: string) => key

const row = (key: string | null, openCount: number): BreakdownRow => ({
  key,
  label: key ?? '(blank)',
  open: { count: openCount, amount: openCount * 100, weightedAmount: openCount * 50, drill: { entity: 'opportunity', filters: [] } },
  won: 2,
  lost: 1,
  wonAmount: 200,
  lostAmount: 100,
  rateByCount: 2 / 3,
  rateByAmount: 2 / 3,
  drill: { won: null, lost: null, closed: { entity: 'opportunity', filters: [] } },
})

describe('dashboard custom picklists', () => {
  it('keeps one filter per field and drops the field, then the whole map, when nothing is picked', () => {
    const one = withCustomPick(initialFilters, 'tier', ['partner', null])
    expect(one).toEqual({ period: 'thisQuarter', custom: { tier: ['partner', null] } })
    const two = withCustomPick(one, 'channels', ['direct'])
    expect(two.custom).toEqual({ tier: ['partner', null], channels: ['direct'] })
    expect(withCustomPick(two, 'tier', []).custom).toEqual({ channels: ['direct'] })
    expect(withCustomPick(withCustomPick(two, 'tier', []), 'channels', [])).toEqual(initialFilters)
  })

  it('draws the win rate or the open pipeline, and keeps every figure in the table', () => {
    const rows = [row('partner', 3), row(null, 1)]
    const winRate = breakdownModel(rows, 'winRate', t)
    expect(winRate.categories).toEqual(['partner', '(blank)'])
    expect(chartedMeasures(winRate).map((m) => m.key)).toEqual(['rateByCount', 'rateByAmount'])
    const pipeline = breakdownModel(rows, 'pipeline', t)
    expect(chartedMeasures(pipeline).map((m) => m.key)).toEqual(['openAmount', 'weightedAmount'])
    expect(pipeline.measures.find((m) => m.key === 'openCount')!.values).toEqual([3, 1])
    expect(pipeline.measures.map((m) => m.key)).toEqual(winRate.measures.map((m) => m.key))
  })
})
