import { beforeEach, describe, expect, it } from 'vitest'
import type { Dashboard } from '../../shared/methods/analytics'
import { openWorkspace } from '../helpers/workspace'
import { buildFixture, type Fixture } from './fixture'
import { drillPairs, rowsOf } from './drills'

/** Every expected value below is worked out by hand from the timeline in fixture.ts. */
const Q4 = { from: '2026-10-01', to: '2026-12-31' }

let fx: Fixture
beforeEach(async () => {
  fx = await buildFixture()
})

const filters = () => ({ period: Q4, pipelineId: fx.pipelineId })

describe('funnel', () => {
  it('counts deals created in the period by their current stage, with amounts and weighted amounts in CNY', async () => {
    const funnel = await fx.ws.call('analytics.funnel', filters())
    expect(funnel.period).toEqual(Q4)
    expect(funnel.money.currency).toBe('CNY')
    expect(funnel.money.rates).toContainEqual({ currency: 'USD', rate: 7 })
    const layers = Object.fromEntries(funnel.layers.map((l) => [l.key, [l.count, l.amount, l.weightedAmount]]))
    expect(layers).toEqual({
      discovery: [1, 70_000, 7_000],
      qualified: [1, 40_000, 10_000],
      solution: [2, 285_000, 114_000],
      quote: [0, 0, 0],
      // D4 80,000 and D6 10,000 USD at 7.0
      negotiation: [2, 150_000, 120_000],
      won: [1, 100_000, 100_000],
      lost: [1, 20_000, 0],
    })
    expect(funnel.total).toMatchObject({ count: 8, amount: 665_000, weightedAmount: 351_000 })
  })

  it('converts a USD deal at the rate set in Settings, and follows a rate change', async () => {
    await fx.ws.call('currencyRates.update', { rates: [{ currency: 'USD', rate: 8 }] })
    const funnel = await fx.ws.call('analytics.funnel', filters())
    expect(funnel.layers.find((l) => l.key === 'negotiation')).toMatchObject({ count: 2, amount: 160_000 })
    expect(funnel.money.rates).toContainEqual({ currency: 'USD', rate: 8 })
    const refused = await fx.ws.raw('currencyRates.update', { rates: [{ currency: 'CNY', rate: 2 }] })
    expect(refused.ok).toBe(false)
  })

  it('re-expresses every rate against a new base currency, so the grid’s totals and the charts agree', async () => {
    await fx.ws.call('settings.update', { baseCurrency: 'USD' })
    const { baseCurrency, rates } = await fx.ws.call('currencyRates.get', {})
    expect(baseCurrency).toBe('USD')
    expect(rates).toContainEqual({ currency: 'USD', rate: 1 })
    expect(rates.find((r) => r.currency === 'CNY')!.rate).toBeCloseTo(1 / 7, 12)
    const funnel = await fx.ws.call('analytics.funnel', filters())
    const negotiation = funnel.layers.find((l) => l.key === 'negotiation')!
    // D4 CNY 80,000 at 1/7, and D6 USD 10,000.
    expect(negotiation.amount).toBeCloseTo(80_000 / 7 + 10_000, 6)
    const groups = await fx.ws.call('grid.groups', { entity: 'opportunity', groupBy: 'stageId', filters: negotiation.drill!.filters })
    expect(groups.map((g) => [g.count, g.amount])).toEqual([[2, negotiation.amount]])
  })
})

describe('conversion', () => {
  it('counts first arrivals in the period, a skipped stage as reached, and nothing new for a step back', async () => {
    const conversion = await fx.ws.call('analytics.conversion', filters())
    const steps = conversion.steps.map((s) => [s.label, s.nextLabel, s.reached, s.advanced, s.won])
    expect(steps).toEqual([
      ['Discovery', 'Qualified', 8, 6, 1],
      ['Qualified', 'Solution', 7, 5, 1],
      ['Solution', 'Quote', 5, 4, 1],
      ['Quote', 'Negotiation', 4, 3, 1],
      ['Negotiation', 'Won', 3, 1, 1],
    ])
    expect(conversion.steps[0]!.advancedRate).toBeCloseTo(0.75)
    expect(conversion.steps[4]!.wonRate).toBeCloseTo(1 / 3)
  })
})

describe('win rate, deal size and cycle', () => {
  it('takes deals closed in the period: a reopened deal no longer counts as lost', async () => {
    const w = await fx.ws.call('analytics.winRate', filters())
    expect(w.overall).toMatchObject({ won: 1, lost: 2, wonAmount: 100_000, lostAmount: 80_000 })
    expect(w.overall.rateByCount).toBeCloseTo(1 / 3)
    expect(w.overall.rateByAmount).toBeCloseTo(100 / 180)
    const byOwner = Object.fromEntries(w.byOwner.map((r) => [r.label, [r.won, r.lost, r.rateByCount, r.rateByAmount]]))
    expect(byOwner).toEqual({ Alice: [1, 1, 0.5, 0.625], Bob: [0, 1, 0, 0] })
    const bySource = Object.fromEntries(w.bySource.map((r) => [r.key, [r.won, r.lost]]))
    expect(bySource).toEqual({ website: [1, 1], referral: [0, 1] })
    const byProduct = Object.fromEntries(w.byProductLine.map((r) => [r.key, [r.won, r.lost]]))
    expect(byProduct).toEqual({ crm: [1, 1], hardware: [0, 1] })
  })

  it('measures average size and the median days from creation to won', async () => {
    const quarter = await fx.ws.call('analytics.dealSize', filters())
    expect(quarter).toMatchObject({ won: 1, wonAmount: 100_000, averageAmount: 100_000 })
    expect(quarter.medianCycleDays).toBeCloseTo(36)
    const ever = await fx.ws.call('analytics.dealSize', { period: 'all' })
    // D8 took 45 days, D1 36: the median of an even count is the mean of the middle two.
    expect(ever).toMatchObject({ won: 2, wonAmount: 130_000, averageAmount: 65_000 })
    expect(ever.medianCycleDays).toBeCloseTo(40.5)
    expect(ever.averageCycleDays).toBeCloseTo(40.5)
  })
})

describe('dwell', () => {
  it('gives the median and p80 of completed stays that ended in the period, ignoring the lost stage', async () => {
    const dwell = await fx.ws.call('analytics.dwell', filters())
    const h = 1 / 24
    const expected: Record<string, [number, number | null, number | null]> = {
      Discovery: [7, 7, 10 + h],
      Qualified: [5, 10, 12],
      Solution: [3, 7, 14],
      Quote: [2, 23.5, 40],
      Negotiation: [1, 9, 9],
    }
    for (const row of dwell.stages) {
      const [stays, median, p80] = expected[row.label]!
      expect([row.label, row.stays]).toEqual([row.label, stays])
      expect(row.medianDays).toBeCloseTo(median!, 6)
      expect(row.p80Days).toBeCloseTo(p80!, 6)
    }
    expect(dwell.stages.find((s) => s.label === 'Discovery')!.averageDays).toBeCloseTo(58 / 7, 6)
  })
})

describe('stale deals, sources, leaderboard and losses', () => {
  it('finds deals past their stage’s rotting days, per owner', async () => {
    const stale = await fx.ws.call('analytics.stale', filters())
    expect(stale.total).toMatchObject({ count: 3, amount: 190_000 })
    expect(stale.byOwner.map((r) => [r.label, r.count, r.amount])).toEqual([
      ['Bob', 2, 150_000],
      ['Alice', 1, 40_000],
    ])
  })

  it('follows each source from leads to deals to wins', async () => {
    const sources = await fx.ws.call('analytics.sources', filters())
    const rows = Object.fromEntries(sources.rows.map((r) => [r.key, [r.leads, r.opportunities, r.won, r.wonAmount]]))
    expect(rows).toEqual({
      website: [2, 4, 1, 100_000],
      referral: [0, 2, 0, 0],
      cold_call: [0, 1, 0, 0],
      partner: [0, 1, 0, 0],
    })
  })

  it('ranks reps by won amount with open pipeline, follow-ups and overdue tasks', async () => {
    const board = await fx.ws.call('analytics.leaderboard', { ...filters(), ownerIds: [fx.alice, fx.bob] })
    // Wins may create follow-up tasks of their own (care plans); count every open task due before today.
    const tasks = (await fx.ws.call('tasks.list', { limit: 500 })).rows
    const overdue = (user: number) => tasks.filter((t) => t.assigneeId === user && t.status === 'open' && t.dueDate! < '2026-11-20').length
    expect(overdue(fx.alice)).toBeGreaterThanOrEqual(1)
    expect(board.rows.map((r) => [r.label, r.won, r.wonAmount, r.lost, r.winRate, r.openCount, r.openAmount, r.followUps, r.overdueTasks])).toEqual([
      ['Alice', 1, 100_000, 1, 0.5, 3, 350_000, 1, overdue(fx.alice)],
      ['Bob', 0, 0, 1, 0, 3, 195_000, 0, overdue(fx.bob)],
    ])
  })

  it('breaks losses down by reason and by competitor', async () => {
    const losses = await fx.ws.call('analytics.losses', filters())
    expect(losses.total).toMatchObject({ count: 2, amount: 80_000 })
    expect(losses.byReason.map((r) => [r.key, r.label, r.count, r.amount])).toEqual([
      ['competitor', 'Lost to competitor', 1, 60_000],
      ['no_budget', 'No budget', 1, 20_000],
    ])
    expect(losses.byCompetitor.map((r) => [r.key, r.count, r.amount])).toEqual([
      ['Rival Co', 1, 60_000],
      [null, 1, 20_000],
    ])
  })
})

describe('forecast', () => {
  it('puts open deals in their close month by category, with the deal’s own override, against targets', async () => {
    const f = await fx.ws.call('analytics.forecast', filters())
    const [oct, nov, dec] = f.months
    expect(f.months.map((m) => m.month)).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(oct).toMatchObject({ target: null, remaining: null, coverage: null, open: { count: 0, amount: 0 } })
    expect(nov).toMatchObject({
      target: 300_000,
      won: { count: 1, amount: 100_000 },
      commit: { count: 1, amount: 70_000, weightedAmount: 56_000 },
      bestCase: { count: 0, amount: 0 },
      pipeline: { count: 1, amount: 40_000, weightedAmount: 10_000 },
      open: { count: 2, amount: 110_000, weightedAmount: 66_000 },
      // D7's close date (11-05) has passed while it is still open.
      overdue: { count: 1, amount: 40_000 },
      remaining: 200_000,
    })
    expect(nov!.coverage).toBeCloseTo(0.55)
    expect(dec).toMatchObject({
      target: 400_000,
      commit: { count: 1, amount: 80_000, weightedAmount: 64_000 },
      // D3 from its stage, D9 by its own override (its stage says "pipeline").
      bestCase: { count: 2, amount: 115_000, weightedAmount: 25_000, drill: null },
      pipeline: { count: 0 },
      open: { count: 3, amount: 195_000 },
      remaining: 400_000,
    })
    expect(dec!.coverage).toBeCloseTo(0.4875)
    expect(f.total).toMatchObject({ target: 700_000, won: { amount: 100_000 }, open: { count: 5, amount: 305_000 }, remaining: 600_000 })
    expect(f.total.coverage).toBeCloseTo(305 / 600)
    expect(f.pastDue).toMatchObject({ count: 1, amount: 40_000 })
  })

  it('takes an owner’s own targets when filtered by owner', async () => {
    const f = await fx.ws.call('analytics.forecast', { ...filters(), ownerIds: [fx.alice] })
    const nov = f.months[1]!
    expect(nov).toMatchObject({ target: 150_000, won: { amount: 100_000 }, open: { amount: 40_000 }, remaining: 50_000 })
    expect(nov.coverage).toBeCloseTo(0.8)
    expect(f.months[2]).toMatchObject({ target: null, bestCase: { count: 1, amount: 70_000 } })
  })

  it('keeps targets editable per month and owner', async () => {
    await fx.ws.call('targets.set', { rows: [{ month: '2026-11', ownerId: fx.bob, amount: null }, { month: '2026-12', ownerId: fx.bob, amount: 90_000 }] })
    const targets = await fx.ws.call('targets.list', { from: '2026-11', to: '2026-12' })
    expect(targets).toEqual([
      { month: '2026-11', ownerId: null, amount: 300_000 },
      { month: '2026-11', ownerId: fx.alice, amount: 150_000 },
      { month: '2026-12', ownerId: null, amount: 400_000 },
      { month: '2026-12', ownerId: fx.bob, amount: 90_000 },
    ])
  })
})

describe('what changed', () => {
  it('walks from the snapshot to now through every bucket, each listing its deals', async () => {
    const c = await fx.ws.call('analytics.changes', { fromSnapshotId: fx.snapshotId })
    expect([c.startCount, c.startAmount, c.endCount, c.endAmount]).toEqual([6, 480_000, 6, 545_000])
    const buckets = Object.fromEntries(c.buckets.map((b) => [b.key, [b.count, b.amount, b.deals.map((d) => d.name).join(',')]]))
    expect(buckets).toEqual({
      created: [1, 70_000, 'D9'],
      reopened: [1, 80_000, 'D4'],
      increased: [1, 40_000, 'D2'],
      decreased: [1, -5_000, 'D3'],
      won: [1, -100_000, 'D1'],
      lost: [1, -20_000, 'D10'],
      removed: [0, 0, ''],
      advanced: [1, 45_000, 'D3'],
      movedBack: [1, 240_000, 'D2'],
      pulledIn: [1, 70_000, 'D6'],
      pushedOut: [1, 240_000, 'D2'],
    })
    const flows = c.buckets.filter((b) => b.flow).reduce((sum, b) => sum + b.amount, 0)
    expect(c.startAmount + flows).toBeCloseTo(c.endAmount)
    const movedBack = c.buckets.find((b) => b.key === 'movedBack')!.deals[0]!
    expect(movedBack).toMatchObject({ fromStage: 'Quote', toStage: 'Solution', fromCloseDate: '2026-12-15', toCloseDate: '2027-01-15' })
  })

  it('narrows both sides to an owner', async () => {
    const c = await fx.ws.call('analytics.changes', { fromSnapshotId: fx.snapshotId, ownerIds: [fx.bob] })
    expect([c.startAmount, c.endAmount]).toEqual([140_000, 195_000])
    expect(c.buckets.filter((b) => b.count > 0).map((b) => [b.key, b.amount])).toEqual([
      ['reopened', 80_000],
      ['decreased', -5_000],
      ['lost', -20_000],
      ['advanced', 45_000],
      ['pulledIn', 70_000],
    ])
  })

  it('compares "since last week" by default and says so when there is nothing to compare with', async () => {
    const since = await fx.ws.call('analytics.changes', {})
    expect(since.from.snapshotId).toBe(fx.snapshotId)
    const empty = await openWorkspace()
    const refused = await empty.raw('analytics.changes', {}, { locale: 'zh-CN' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'NO_SNAPSHOT' } })
  })
})

describe('drill-down', () => {
  it('opens exactly the deals, leads, activities, tasks and accounts each figure counts', async () => {
    const dashboard = await fx.ws.call('analytics.dashboard', filters())
    const pairs = drillPairs(dashboard)
    expect(pairs.length).toBeGreaterThan(60)
    for (const { path, count, drill } of pairs) {
      const rows = await rowsOf(fx.ws, drill)
      expect([path, rows.length]).toEqual([path, count])
    }
  })

  it('opens the very rows behind a funnel layer, stale deals, a forecast cell and past-due deals', async () => {
    const d: Dashboard = await fx.ws.call('analytics.dashboard', filters())
    const names = async (drill: Parameters<typeof rowsOf>[1]) =>
      (await rowsOf(fx.ws, drill)).map((r) => r.name).sort()
    expect(await names(d.funnel.layers.find((l) => l.key === 'negotiation')!.drill)).toEqual(['D4', 'D6'])
    expect(await names(d.stale.total.drill)).toEqual(['D4', 'D6', 'D7'])
    expect(await names(d.forecast.months[1]!.commit.drill)).toEqual(['D6'])
    expect(await names(d.forecast.pastDue.drill)).toEqual(['D7'])
    expect(await names(d.winRate.overall.drill.lost)).toEqual(['D10', 'D5'])
  })

  it('has no grid filter to offer when a region is chosen, which the deal grid cannot filter by', async () => {
    const funnel = await fx.ws.call('analytics.funnel', { ...filters(), regions: ['east'] })
    expect(funnel.layers.every((l) => l.drill === null)).toBe(true)
  })
})

describe('history facts', () => {
  const reachedAtNegotiation = async () =>
    (await fx.ws.call('analytics.conversion', filters())).steps.find((s) => s.label === 'Negotiation')!.reached

  it('leave out a deal in the trash and take it back when restored', async () => {
    const d6 = await fx.ws.call('opportunities.get', { id: fx.deal.D6 })
    await fx.ws.call('opportunities.delete', { id: d6.id, version: d6.version })
    expect(await reachedAtNegotiation()).toBe(2)
    const dwell = await fx.ws.call('analytics.dwell', filters())
    expect(dwell.stages.find((s) => s.label === 'Solution')!.stays).toBe(2)
    await fx.ws.call('trash.restore', { entityType: 'opportunity', entityId: fx.deal.D6 })
    expect(await reachedAtNegotiation()).toBe(3)
  })

  it('are rebuilt when history is removed for good, as an undone import does', async () => {
    expect(await reachedAtNegotiation()).toBe(3)
    const db = fx.ws.core.db
    db.prepare('DELETE FROM stage_history WHERE opportunity_id = ?').run(fx.deal.D4)
    db.prepare('DELETE FROM opportunities WHERE id = ?').run(fx.deal.D4)
    expect(await reachedAtNegotiation()).toBe(2)
    const qualified = (await fx.ws.call('analytics.dwell', filters())).stages.find((s) => s.label === 'Qualified')!
    expect(qualified.stays).toBe(4)
  })
})
