import { describe, expect, it } from 'vitest'
import { AnalyticsFilters } from '../../shared/methods/analytics'
import { helperReady } from '../../electron/core/services/analytics/chartHelper'
import { chartNames, chartsOf } from '../../electron/core/services/analytics/charts'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'

const meta = { locale: 'en', userId: null } as const

/** The dashboard as the calling thread alone computes it. */
const oneThread = (ws: TestWorkspace, input: unknown) => {
  const filters = AnalyticsFilters.parse(input)
  return chartsOf(ws.core, chartNames, filters, meta)
}

async function untilHelperReady(ws: TestWorkspace): Promise<void> {
  for (let waited = 0; !helperReady(ws.core); waited += 50) {
    if (waited > 60_000) throw new Error('the helper thread never opened its connection')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * A large workspace computes half its dashboard in a helper thread with its
 * own connection (here "large" starts at one deal). The answer must be the
 * one the calling thread computes alone, under any filters.
 */
describe('the dashboard of a large workspace', () => {
  it('answers with a helper thread exactly what one thread computes, under every kind of filter', async () => {
    const ws = await openWorkspace({ parallelChartsFrom: 1 })
    await ws.call('workspace.loadDemo', { scale: 300 })
    expect(helperReady(ws.core)).toBe(false)
    // The first look starts the helper and is computed here.
    expect(await ws.call('analytics.dashboard', {})).toEqual(oneThread(ws, {}))
    await untilHelperReady(ws)

    const owner = (await ws.call('users.list', {}))[1]!.id
    const filterSets = [
      {},
      { period: 'all' },
      { period: 'thisYear' },
      { period: { from: '2026-01-01', to: '2026-06-30' }, ownerIds: [owner] },
      { sources: ['官网', null] },
      { period: 'all', pipelineId: 1 },
    ]
    for (const filters of filterSets) {
      const answer = await ws.call('analytics.dashboard', filters as never)
      expect(helperReady(ws.core)).toBe(true)
      expect(answer).toEqual(oneThread(ws, filters))
      expect(Object.keys(answer)).toEqual(Object.keys(oneThread(ws, filters)))
    }
  })

  it('skips the helper’s answer to a request the caller gave up on, and sees every write made before it asks', async () => {
    const ws = await openWorkspace({ parallelChartsFrom: 1 })
    await ws.call('workspace.loadDemo', { scale: 120 })
    await ws.call('analytics.dashboard', {})
    await untilHelperReady(ws)

    const refused = await ws.raw('analytics.dashboard', { custom: { no_such_field: ['x'] } }, meta)
    expect(refused.ok).toBe(false)
    const before = await ws.call('analytics.dashboard', { period: 'all' })
    expect(before).toEqual(oneThread(ws, { period: 'all' }))

    const deal = await ws.call('opportunities.create', { name: '并行看板新商机', stageId: 1, amount: 12_345 })
    const after = await ws.call('analytics.dashboard', { period: 'all' })
    expect(helperReady(ws.core)).toBe(true)
    expect(after).toEqual(oneThread(ws, { period: 'all' }))
    expect(after.funnel).not.toEqual(before.funnel)
    expect(deal.id).toBeGreaterThan(0)
  })
})
