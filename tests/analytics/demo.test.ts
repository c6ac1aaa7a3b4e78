import { describe, expect, it } from 'vitest'
import type { AnalyticsFilters } from '../../shared/methods/analytics'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'
import { countOf, drillPairs } from './drills'

async function demo(): Promise<TestWorkspace> {
  const ws = await openWorkspace()
  await ws.call('workspace.loadDemo', { scale: 1200 })
  return ws
}

describe('dashboard on the demo workspace', () => {
  it('drills down to exactly the rows behind every figure, under every kind of filter', async () => {
    const ws = await demo()
    const users = await ws.call('users.list', {})
    const pipelines = await ws.call('pipelines.list', {})
    const variants: AnalyticsFilters[] = [
      { period: 'thisQuarter' },
      { period: 'all' },
      { period: { from: '2026-01-01', to: '2026-06-30' }, ownerIds: users.slice(0, 3).map((u) => u.id) },
      { period: 'thisYear', team: users.find((u) => u.team)!.team!, sources: ['website', 'referral', null] },
      { period: 'last30Days', productLines: ['crm', 'erp'], pipelineId: pipelines.find((p) => p.key === 'renewal')!.id },
    ]
    for (const filters of variants) {
      const dashboard = await ws.call('analytics.dashboard', filters)
      const pairs = drillPairs(dashboard)
      expect(pairs.length).toBeGreaterThan(20)
      for (const { path, count, drill } of pairs) expect([JSON.stringify(filters), path, await countOf(ws, drill)]).toEqual([JSON.stringify(filters), path, count])
    }
  })

  it('gives the same figures one chart at a time as on the whole dashboard', async () => {
    const ws = await demo()
    const dashboard = await ws.call('analytics.dashboard', {})
    expect(await ws.call('analytics.funnel', {})).toEqual(dashboard.funnel)
    expect(await ws.call('analytics.forecast', {})).toEqual(dashboard.forecast)
    expect(await ws.call('analytics.leaderboard', {})).toEqual(dashboard.leaderboard)
    expect(dashboard.funnel.total.count).toBeGreaterThan(0)
    expect(dashboard.collections.months.map((m) => m.month)).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(dashboard.collections.received).toBeGreaterThan(0)
    expect(dashboard.repurchase.customers.share).toBeGreaterThan(0)
  })
})
