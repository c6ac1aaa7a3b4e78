import { beforeEach, describe, expect, it } from 'vitest'
import type { Stage } from '../../shared/entities'
import type { Currency } from '../../shared/enums'
import { dealColumn } from '../../electron/core/store/analytics/sql'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'

/**
 * The open pipeline per owner, and its stale part, read owner by owner:
 * deals nobody owns, other currencies, the trash and closed deals must all
 * land where a plain count of the deals puts them.
 */
let ws: TestWorkspace
let alice: number
let bob: number
let now: Date

beforeEach(async () => {
  now = new Date('2026-10-01T08:00:00.000Z')
  ws = await openWorkspace({ now: () => now })
  const addUser = ws.core.db.prepare("INSERT INTO users (name, name_en, role, created_at) VALUES (?, ?, 'rep', '2026-01-01T00:00:00.000Z')")
  alice = Number(addUser.run('王丽', 'Alice').lastInsertRowid)
  bob = Number(addUser.run('赵强', 'Bob').lastInsertRowid)
  const pipelineId = (await ws.call('pipelines.list', {})).find((p) => p.key === 'new_business')!.id
  const stage = Object.fromEntries((await ws.call('stages.list', { pipelineId })).map((s: Stage) => [s.key, s.id]))
  await ws.call('currencyRates.update', { rates: [{ currency: 'USD', rate: 7 }] })
  const create = (name: string, key: string, amount: number, ownerId: number | null, currency: Currency = 'CNY') =>
    ws.call('opportunities.create', { name, stageId: stage[key]!, amount, currency, ownerId })

  // Discovery rots after 14 days, qualified after 21: by 11-01 these three have gone stale.
  await create('nobody’s', 'discovery', 50_000, null)
  await create('Alice USD', 'discovery', 10_000, alice, 'USD')
  await create('Bob stale', 'qualified', 30_000, bob)
  const touched = await create('Alice touched', 'qualified', 20_000, alice)
  const trashed = await create('Alice trashed', 'discovery', 99_000, alice)
  const won = await create('Bob won', 'discovery', 77_000, bob)
  await ws.call('opportunities.delete', { id: trashed.id, version: trashed.version })
  await ws.call('opportunities.update', { id: won.id, version: won.version, patch: { stageId: stage.won!, signedDate: '2026-10-01' } })
  now = new Date('2026-10-25T08:00:00.000Z')
  await ws.call('activities.create', { entityType: 'opportunity', entityId: touched.id, type: 'call', content: 'Still keen' })
  now = new Date('2026-11-01T08:00:00.000Z')
})

describe('open deals per owner', () => {
  it('counts stale deals per owner, unowned ones under no owner, at base-currency amounts', async () => {
    const stale = await ws.call('analytics.stale', { period: 'thisQuarter' })
    expect(stale.total).toMatchObject({ count: 3, amount: 150_000 })
    // Alice's USD 10,000 counts as CNY 70,000; equal counts rank by amount.
    expect(stale.byOwner.map((r) => [r.key, r.count, r.amount])).toEqual([
      [alice, 1, 70_000],
      [null, 1, 50_000],
      [bob, 1, 30_000],
    ])
  })

  it('gives each rep their open pipeline, leaving out the trash and closed deals', async () => {
    const board = await ws.call('analytics.leaderboard', { period: 'thisQuarter' })
    const open = Object.fromEntries(board.rows.map((r) => [String(r.key), [r.openCount, r.openAmount]]))
    expect(open[String(alice)]).toEqual([2, 90_000])
    expect(open[String(bob)]).toEqual([1, 30_000])
  })

  it('reads only the chosen owners when narrowed to them', async () => {
    const stale = await ws.call('analytics.stale', { period: 'thisQuarter', ownerIds: [alice, alice] })
    expect(stale.total).toMatchObject({ count: 1, amount: 70_000 })
    expect(stale.byOwner.map((r) => r.key)).toEqual([alice])
  })

  it('reads the stale test’s last touch from the owner index, not from each deal’s row', () => {
    // The grid's stale test (the one the dashboard binds its clock into) computes this Julian day; migration 015 indexes the same expression.
    const touch = /julianday\(max\(.*?\)\)/.exec(dealColumn('isRotting'))![0]
    const indexed = ws.core.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'opps_an_owner'").pluck().get() as string
    expect(indexed.replace(/\s+/g, ' ')).toContain(touch.replaceAll('o.', ''))
    const plan = ws.core.db
      .prepare(`EXPLAIN QUERY PLAN SELECT ${touch} FROM opportunities o WHERE o.owner_id IS ? AND o.deleted_at IS NULL AND o.version > 0`)
      .all(alice) as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' | ')).toContain('COVERING INDEX opps_an_owner')
  })
})
