import { describe, expect, it } from 'vitest'
import type { CustomFieldType } from '../../shared/entities'
import { replaceSearchTriggersSql } from '../../electron/core/store/loop/searchIndexSql'
import { migrations } from '../../electron/core/store/migrations'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'

type Entity = 'account' | 'contact' | 'lead' | 'opportunity'

async function field(ws: TestWorkspace, entity: Entity | 'activity', key: string, type: CustomFieldType) {
  return ws.call('customFields.create', { entity, key, labelZh: `字段${key}`, labelEn: `Field ${key}`, type })
}

async function firstStageId(ws: TestWorkspace) {
  const [pipeline] = await ws.call('pipelines.list', {})
  return (await ws.call('stages.list', { pipelineId: pipeline!.id }))[0]!.id
}

/** The ids Ctrl+K finds for a query, for one record type. */
async function found(ws: TestWorkspace, query: string, type: Entity) {
  const { groups } = await ws.call('search.global', { query })
  return groups.find((g) => g.entityType === type)?.items.map((i) => i.id) ?? []
}

describe('custom fields in search', () => {
  it('finds records by their text-like custom values, in Ctrl+K and the grid quick search, and follows edits', async () => {
    const ws = await openWorkspace()
    await field(ws, 'opportunity', 'project_code', 'text')
    await field(ws, 'opportunity', 'site_note', 'longText')
    await field(ws, 'opportunity', 'headcount', 'number')
    await field(ws, 'contact', 'wechat_phone', 'phone')
    await field(ws, 'account', 'portal', 'url')
    await field(ws, 'lead', 'referrer_email', 'email')
    const stageId = await firstStageId(ws)
    const deal = await ws.call('opportunities.create', {
      name: '年度框架采购',
      stageId,
      custom: { project_code: 'PRJ-7731', site_note: '苏州园区二期机房', headcount: 48213 },
    })
    const other = await ws.call('opportunities.create', { name: '园区网络改造', stageId })
    const contact = await ws.call('contacts.create', { name: '周敏', custom: { wechat_phone: '139-1122-3344' } })
    const account = await ws.call('accounts.create', { name: '远景物流', custom: { portal: 'https://portal.yjwl.cn' } })
    const lead = await ws.call('leads.create', { company: '华南电子', custom: { referrer_email: 'Ref.Chen@partner.cn' } })

    expect(await found(ws, 'PRJ-7731', 'opportunity')).toEqual([deal.id])
    // A two-character Chinese query is one bigram lookup, as for names.
    expect(await found(ws, '机房', 'opportunity')).toEqual([deal.id])
    expect(await found(ws, '园区', 'opportunity')).toEqual([other.id, deal.id])
    expect(await found(ws, '1122', 'contact')).toEqual([contact.id])
    expect(await found(ws, 'yjwl', 'account')).toEqual([account.id])
    expect(await found(ws, 'ref.chen@partner.cn', 'lead')).toEqual([lead.id])
    // Numbers, dates and picklists are filtered in the grid, not searched.
    expect(await found(ws, '48213', 'opportunity')).toEqual([])

    const grid = await ws.call('opportunities.list', { search: '机房', limit: 50 })
    expect(grid.rows.map((r) => r.id)).toEqual([deal.id])

    await ws.call('opportunities.update', { id: deal.id, version: deal.version, patch: { custom: { project_code: 'PRJ-9000' } } })
    expect(await found(ws, 'PRJ-7731', 'opportunity')).toEqual([])
    expect(await found(ws, 'PRJ-9000', 'opportunity')).toEqual([deal.id])
    // The built-in values are still indexed next to the custom ones.
    expect(await found(ws, '框架采购', 'opportunity')).toEqual([deal.id])
  })

  it('drops a trashed field from the index, brings it back on restore, and follows a type change', async () => {
    const ws = await openWorkspace()
    const code = await field(ws, 'opportunity', 'project_code', 'text')
    const deal = await ws.call('opportunities.create', { name: '仓储系统', stageId: await firstStageId(ws), custom: { project_code: 'WMS-42' } })
    expect(await found(ws, 'WMS-42', 'opportunity')).toEqual([deal.id])

    await ws.call('customFields.delete', { id: code.id })
    expect(await found(ws, 'WMS-42', 'opportunity')).toEqual([])
    const restored = await ws.call('customFields.restore', { id: code.id })
    expect(await found(ws, 'WMS-42', 'opportunity')).toEqual([deal.id])

    await ws.call('customFields.changeType', {
      id: restored.id,
      version: restored.version,
      type: 'picklist',
      picklistKey: 'source',
      dryRun: false,
      clearUnconvertible: true,
    })
    expect(await found(ws, 'WMS-42', 'opportunity')).toEqual([])
    expect(await found(ws, '仓储系统', 'opportunity')).toEqual([deal.id])
  })

  it('migration 9 indexes the custom values a workspace already held', async () => {
    const ws = await openWorkspace()
    await field(ws, 'opportunity', 'project_code', 'text')
    const deal = await ws.call('opportunities.create', { name: '冷链项目', stageId: await firstStageId(ws), custom: { project_code: 'COLD-8' } })

    // Put the index back as version 8 left it: the triggers without custom values, and entries without them.
    const db = ws.core.db
    db.exec(replaceSearchTriggersSql({ custom: false }))
    db.prepare('DELETE FROM search_opportunities WHERE rowid = ?').run(deal.id)
    expect(await found(ws, 'COLD-8', 'opportunity')).toEqual([])

    db.transaction(() => migrations.find((m) => m.version === 9)!.up(db))()
    expect(await found(ws, 'COLD-8', 'opportunity')).toEqual([deal.id])
    const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_opportunities_on_update'").pluck().get() as string
    expect(trigger).toContain('custom')
  })
})
