import { describe, expect, it } from 'vitest'
import type { Breakdown } from '../../shared/methods/analytics'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'
import { countOf, drillPairs } from './drills'

/** Custom picklist fields of deals in the dashboard: as filters of every chart, and as a breakdown. */

type Deal = { id: number; kind: string; closedAt: string | null; tier: string | null; channels: string[] }

async function workspace(): Promise<{ ws: TestWorkspace; deals: Deal[] }> {
  const ws = await openWorkspace()
  await ws.call('workspace.loadDemo', { scale: 300 })
  await ws.call('picklists.createList', { key: 'tier', labelZh: '客户层级', labelEn: 'Tier' })
  for (const [value, zh, en] of [['partner', '伙伴', 'Partner'], ['direct', '直客', 'Direct'], ['oem', '贴牌', 'OEM']]) {
    await ws.call('picklists.saveValue', { listKey: 'tier', value: value!, labelZh: zh!, labelEn: en! })
  }
  await ws.call('customFields.create', { entity: 'opportunity', key: 'tier', type: 'picklist', picklistKey: 'tier', labelZh: '层级', labelEn: 'Tier' })
  await ws.call('customFields.create', { entity: 'opportunity', key: 'channels', type: 'multiPicklist', picklistKey: 'tier', labelZh: '渠道', labelEn: 'Channels' })
  await ws.call('customFields.create', { entity: 'opportunity', key: 'memo', type: 'text', labelZh: '备注', labelEn: 'Memo' })
  const rows = ws.core.db
    .prepare(`SELECT o.id, o.version, s.kind, o.closed_at AS closedAt FROM opportunities o JOIN stages s ON s.id = o.stage_id WHERE o.deleted_at IS NULL ORDER BY o.id`)
    .all() as { id: number; version: number; kind: string; closedAt: string | null }[]
  const tiers = ['partner', 'direct', null, 'oem']
  const channelSets = [['partner'], ['partner', 'direct'], [], ['oem', 'direct']]
  const deals: Deal[] = []
  for (const [i, row] of rows.entries()) {
    const tier = tiers[i % 4]!
    const channels = channelSets[(i + 1) % 4]!
    const custom = { ...(tier ? { tier } : {}), ...(channels.length > 0 ? { channels } : {}) }
    if (Object.keys(custom).length > 0) await ws.call('opportunities.update', { id: row.id, version: row.version, patch: { custom } })
    deals.push({ id: row.id, kind: row.kind, closedAt: row.closedAt, tier, channels })
  }
  return { ws, deals }
}

describe('custom picklists on the dashboard', () => {
  it('narrows every chart, and every drill-down opens exactly the rows behind its figure', async () => {
    const { ws, deals } = await workspace()
    const partner = await ws.call('analytics.dashboard', { period: 'all', custom: { tier: ['partner'] } })
    expect(partner.funnel.total.count).toBe(deals.filter((d) => d.tier === 'partner').length)
    expect(partner.funnel.total.count).toBeGreaterThan(20)
    const blankOrOem = await ws.call('analytics.dashboard', { period: 'all', custom: { tier: [null, 'oem'] } })
    expect(blankOrOem.funnel.total.count).toBe(deals.filter((d) => d.tier === null || d.tier === 'oem').length)
    const direct = await ws.call('analytics.dashboard', { period: 'all', custom: { channels: ['direct'] } })
    expect(direct.funnel.total.count).toBe(deals.filter((d) => d.channels.includes('direct')).length)
    const both = await ws.call('analytics.dashboard', { period: 'all', custom: { tier: ['partner'], channels: ['direct'] } })
    expect(both.funnel.total.count).toBe(deals.filter((d) => d.tier === 'partner' && d.channels.includes('direct')).length)
    const won = deals.filter((d) => d.kind === 'won' && d.tier === 'partner').length
    expect(partner.winRate.overall.won).toBe(won)
    for (const d of [partner, direct]) {
      for (const { path, count, drill } of drillPairs(d)) expect([path, await countOf(ws, drill)]).toEqual([path, count])
    }
  }, 120_000)

  it('breaks win rate and pipeline down by a custom or built-in picklist, a multi-select deal under each of its values', async () => {
    const { ws, deals } = await workspace()
    const byTier = await ws.call('analytics.breakdown', { filters: { period: 'all' }, field: 'custom.tier' })
    expect(byTier.label).toBe('Tier')
    const row = (b: Breakdown, key: string | null) => b.rows.find((r) => r.key === key)!
    for (const key of ['partner', 'direct', 'oem', null]) {
      const mine = deals.filter((d) => d.tier === key)
      const r = row(byTier, key)
      expect([key, r.open.count, r.won, r.lost]).toEqual([
        key,
        mine.filter((d) => d.kind === 'open').length,
        mine.filter((d) => d.kind === 'won').length,
        mine.filter((d) => d.kind === 'lost').length,
      ])
      expect(r.rateByCount).toBeCloseTo(r.won / (r.won + r.lost), 10)
      expect(await countOf(ws, r.open.drill!)).toBe(r.open.count)
      expect(await countOf(ws, r.drill.closed!)).toBe(r.won + r.lost)
    }
    expect(row(byTier, 'partner').label).toBe('Partner')

    const byChannel = await ws.call('analytics.breakdown', { filters: { period: 'all' }, field: 'custom.channels' })
    for (const key of ['partner', 'direct', 'oem']) {
      expect([key, row(byChannel, key).open.count]).toEqual([key, deals.filter((d) => d.kind === 'open' && d.channels.includes(key)).length])
      expect(await countOf(ws, row(byChannel, key).open.drill!)).toBe(row(byChannel, key).open.count)
    }
    expect(row(byChannel, null).open.count).toBe(deals.filter((d) => d.kind === 'open' && d.channels.length === 0).length)
    expect(row(byChannel, null).open.drill).toBeNull()

    // Built-in fields agree with the win-rate chart, and the dashboard's filters apply.
    const filters = { period: 'thisYear' as const, custom: { tier: ['direct'] } }
    const bySource = await ws.call('analytics.breakdown', { filters, field: 'source' })
    const winRate = await ws.call('analytics.winRate', filters)
    expect(winRate.bySource.length).toBeGreaterThan(1)
    for (const w of winRate.bySource) expect([w.key, row(bySource, w.key as string | null).won, row(bySource, w.key as string | null).lost]).toEqual([w.key, w.won, w.lost])
    const byRegion = await ws.call('analytics.breakdown', { filters: { period: 'all' }, field: 'region' })
    expect(byRegion.rows.reduce((n, r) => n + r.open.count, 0)).toBe(deals.filter((d) => d.kind === 'open').length)
    expect(byRegion.rows.every((r) => r.open.drill === null)).toBe(true)
  }, 120_000)

  it('refuses fields that are unknown or not picklists', async () => {
    const { ws } = await workspace()
    for (const input of [
      ['analytics.dashboard', { custom: { nope: ['x'] } }],
      ['analytics.dashboard', { custom: { memo: ['x'] } }],
      ['analytics.breakdown', { field: 'custom.memo' }],
    ] as const) {
      const result = await ws.raw(input[0], input[1])
      expect(result.ok ? null : result.error.code).toBe('CUSTOM_FIELD_UNKNOWN')
    }
  }, 120_000)
})
