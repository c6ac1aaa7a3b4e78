import { describe, expect, it } from 'vitest'
import { workbench } from '../helpers/cli'
import { openWorkspace } from '../helpers/workspace'

/** The CLI's report takes the dashboard's custom picklist filters and its breakdown, with the same figures as the API. */
describe('custom picklists in the CLI report', () => {
  it('filters by --field, breaks down by --by, and explains a malformed flag', async () => {
    const ws = await openWorkspace()
    await ws.call('workspace.loadDemo', { scale: 200 })
    await ws.call('customFields.create', { entity: 'opportunity', key: 'tier', type: 'picklist', picklistKey: 'source', labelZh: '渠道层级', labelEn: 'Channel tier' })
    const deals = (await ws.call('opportunities.list', { limit: 60, sort: [{ column: 'name', desc: false }] })).rows
    for (const [i, deal] of deals.entries()) {
      await ws.call('opportunities.update', { id: deal.id, version: deal.version, patch: { custom: { tier: i % 3 === 0 ? 'partner' : 'website' } } })
    }
    const db = ws.core.dbPath

    const funnel = await workbench(['report', 'funnel', '--db', db, '--period', 'all', '--field', 'tier=partner', '--lang', 'en', '--json'])
    expect(funnel.code).toBe(0)
    const fromApi = await ws.call('analytics.funnel', { period: 'all', custom: { tier: ['partner'] } })
    expect(JSON.parse(funnel.stdout)).toEqual(fromApi)
    expect(fromApi.total.count).toBe(20)

    const breakdown = await workbench(['report', 'breakdown', '--db', db, '--period', 'all', '--by', 'custom.tier', '--lang', 'en'])
    expect(breakdown.code).toBe(0)
    const byTier = await ws.call('analytics.breakdown', { filters: { period: 'all' }, field: 'custom.tier' })
    const partner = byTier.rows.find((r) => r.key === 'partner')!
    expect(breakdown.stdout).toMatch(new RegExp(`${partner.label}\\s+${partner.open.count}\\s`))

    const malformed = await workbench(['report', 'funnel', '--db', db, '--field', 'tier', '--lang', 'zh-CN'])
    expect(malformed.code).toBe(2)
    expect(malformed.stderr).toContain('--field 的格式是 字段键=值1,值2：tier')
    const noGrouping = await workbench(['report', 'breakdown', '--db', db, '--lang', 'en'])
    expect(noGrouping.code).toBe(2)
    expect(noGrouping.stderr).toContain('Name the grouping with --by')
  }, 120_000)
})
