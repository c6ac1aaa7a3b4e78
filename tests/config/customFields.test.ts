import { describe, expect, it } from 'vitest'
import type { MethodInput } from '../../shared/api'
import type { CustomFieldType } from '../../shared/entities'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'

type Entity = 'account' | 'contact' | 'lead' | 'opportunity' | 'activity'

async function field(ws: TestWorkspace, entity: Entity, key: string, type: CustomFieldType, extra: Partial<MethodInput<'customFields.create'>> = {}) {
  return ws.call('customFields.create', { entity, key, labelZh: `字段${key}`, labelEn: `Field ${key}`, type, ...extra })
}

async function firstStage(ws: TestWorkspace) {
  const [pipeline] = await ws.call('pipelines.list', {})
  return (await ws.call('stages.list', { pipelineId: pipeline!.id }))[0]!
}

async function deal(ws: TestWorkspace, name: string, custom?: Record<string, unknown>) {
  const stage = await firstStage(ws)
  return ws.call('opportunities.create', { name, stageId: stage.id, custom: custom as never })
}

/** One value per type as a person would type it, and what it is stored as. */
const samples: { type: CustomFieldType; typed: unknown; stored: unknown; bad: unknown; picklistKey?: string }[] = [
  { type: 'text', typed: '  华东大区  ', stored: '华东大区', bad: 'x'.repeat(501) },
  { type: 'longText', typed: '第一行\n第二行', stored: '第一行\n第二行', bad: '#N/A' },
  { type: 'number', typed: '1,234.5', stored: 1234.5, bad: 'abc' },
  { type: 'currency', typed: '¥12万', stored: 120000, bad: 'lots' },
  { type: 'percent', typed: '35%', stored: 35, bad: '135%' },
  { type: 'date', typed: '2026/3/5', stored: '2026-03-05', bad: '2026-02-30' },
  { type: 'datetime', typed: '2026-03-05T10:30:00.000Z', stored: '2026-03-05T10:30:00.000Z', bad: 'yesterday' },
  { type: 'picklist', typed: '官网', stored: 'website', bad: '不存在的来源', picklistKey: 'source' },
  { type: 'multiPicklist', typed: '官网，展会', stored: ['website', 'exhibition'], bad: '官网, 外星人', picklistKey: 'source' },
  { type: 'checkbox', typed: '是', stored: true, bad: 'maybe' },
  { type: 'phone', typed: '021-5253 4888', stored: '021-5253 4888', bad: 'call me' },
  { type: 'email', typed: 'li@example.cn', stored: 'li@example.cn', bad: 'li@' },
  { type: 'url', typed: 'https://example.cn/a', stored: 'https://example.cn/a', bad: 'not a url' },
]

describe('custom fields on records', () => {
  it('creates, edits, coerces and refuses values of every type, on opportunities', async () => {
    const ws = await openWorkspace()
    for (const s of samples) await field(ws, 'opportunity', `f_${s.type.toLowerCase()}`, s.type, { picklistKey: s.picklistKey })
    const custom = Object.fromEntries(samples.map((s) => [`f_${s.type.toLowerCase()}`, s.typed]))
    const created = await deal(ws, '带自定义字段的商机', custom)
    for (const s of samples) expect(created.custom[`f_${s.type.toLowerCase()}`], s.type).toEqual(s.stored)

    for (const s of samples) {
      const bad = await ws.raw('opportunities.update', { id: created.id, version: created.version, patch: { custom: { [`f_${s.type.toLowerCase()}`]: s.bad } } })
      expect(bad.ok, s.type).toBe(false)
      if (!bad.ok) expect(bad.error.code, s.type).toBe('CUSTOM_VALUE_INVALID')
    }

    const edited = await ws.call('opportunities.update', { id: created.id, version: created.version, patch: { custom: { f_number: 7, f_text: null } } })
    expect(edited.custom.f_number).toBe(7)
    expect(edited.custom).not.toHaveProperty('f_text')
    expect(edited.custom.f_date).toBe('2026-03-05')
    const trail = await ws.call('audit.list', { entityType: 'opportunity', entityId: created.id })
    expect(trail.filter((e) => e.action === 'update').map((e) => [e.field, e.oldValue, e.newValue])).toEqual(
      expect.arrayContaining([
        ['custom.f_number', '1234.5', '7'],
        ['custom.f_text', '华东大区', null],
      ]),
    )
  })

  it('stores a user field as the user id and accepts a name', async () => {
    const ws = await openWorkspace()
    await ws.call('workspace.loadDemo', { scale: 30 })
    const [user] = await ws.call('users.list', {})
    await field(ws, 'account', 'key_person', 'user')
    const account = await ws.call('accounts.create', { name: '测试客户', custom: { key_person: user!.name } })
    expect(account.custom.key_person).toBe(user!.id)
  })

  it('refuses unknown fields, fields of another entity and taken keys', async () => {
    const ws = await openWorkspace()
    await field(ws, 'lead', 'budget_code', 'text')
    const unknown = await ws.raw('accounts.create', { name: 'A', custom: { budget_code: 'x' } })
    expect(unknown.ok ? null : unknown.error.code).toBe('CUSTOM_FIELD_UNKNOWN')
    const taken = await ws.raw('customFields.create', { entity: 'lead', key: 'budget_code', labelZh: '重复', labelEn: 'Again', type: 'text' })
    expect(taken.ok ? null : taken.error.code).toBe('CUSTOM_FIELD_KEY_TAKEN')
    const reserved = await ws.raw('customFields.create', { entity: 'opportunity', key: 'notes', labelZh: '备注', labelEn: 'Notes', type: 'text' })
    expect(reserved.ok ? null : reserved.error.code).toBe('CUSTOM_FIELD_KEY_TAKEN')
  })

  it('fills defaults on create and enforces required fields, globally and per stage', async () => {
    const ws = await openWorkspace()
    const stages = await ws.call('stages.list', {})
    const quote = stages.find((s) => s.key === 'quote')!
    await field(ws, 'opportunity', 'region_code', 'text', { defaultValue: 'CN-E' })
    await field(ws, 'opportunity', 'tender_no', 'text', { requiredStageIds: [quote.id] })
    await field(ws, 'lead', 'campaign', 'text', { required: true })

    const created = await deal(ws, '默认值')
    expect(created.custom.region_code).toBe('CN-E')

    const noCampaign = await ws.raw('leads.create', { company: '某公司' })
    expect(noCampaign.ok ? null : noCampaign.error.code).toBe('CUSTOM_FIELD_REQUIRED')
    expect((await ws.call('leads.create', { company: '某公司', custom: { campaign: '春季' } })).custom.campaign).toBe('春季')

    const patch = { stageId: quote.id, amount: 1000, expectedCloseDate: '2026-12-31' }
    const refused = await ws.raw('opportunities.update', { id: created.id, version: created.version, patch })
    expect(refused.ok ? null : refused.error.code).toBe('CUSTOM_FIELD_REQUIRED')
    const moved = await ws.call('opportunities.update', { id: created.id, version: created.version, patch: { ...patch, custom: { tender_no: 'T-1' } } })
    expect(moved.stageId).toBe(quote.id)
  })

  it('carries custom values on follow-ups, contacts and grid edits', async () => {
    const ws = await openWorkspace()
    await field(ws, 'activity', 'mood', 'picklist', { picklistKey: 'region' })
    await field(ws, 'contact', 'vip', 'checkbox')
    const lead = await ws.call('leads.create', { company: '跟进对象' })
    const followUp = await ws.call('activities.create', { entityType: 'lead', entityId: lead.id, type: 'call', content: '电话沟通', custom: { mood: '华东' } })
    expect(followUp.custom.mood).toBe('east')
    const contact = await ws.call('contacts.create', { name: '王五', custom: { vip: 'yes' } })
    expect(contact.custom.vip).toBe(true)
    const versions = await ws.call('grid.update', { entity: 'contact', changes: [{ id: contact.id, version: contact.version, patch: { custom: { vip: false } } }] })
    expect(versions.rows[0]!.version).toBe(contact.version + 1)
    const window = await ws.call('contacts.list', { filters: [{ column: 'custom.vip', op: 'equals', value: 0 }] })
    expect(window.rows.map((r) => r.id)).toEqual([contact.id])
  })
})

describe('custom columns in grids', () => {
  it('filters, sorts and groups by custom fields, and refuses undefined ones', async () => {
    const ws = await openWorkspace()
    await field(ws, 'opportunity', 'score', 'number')
    await field(ws, 'opportunity', 'channel', 'picklist', { picklistKey: 'source' })
    await field(ws, 'opportunity', 'tags', 'multiPicklist', { picklistKey: 'industry' })
    await deal(ws, 'A', { score: 30, channel: 'website', tags: ['retail', 'it'] })
    await deal(ws, 'B', { score: 10, channel: 'partner', tags: ['it'] })
    await deal(ws, 'C', { score: 20, channel: 'website' })
    await deal(ws, 'D')

    const sorted = await ws.call('opportunities.list', { sort: [{ column: 'custom.score', desc: false }] })
    expect(sorted.rows.map((r) => r.name)).toEqual(['B', 'C', 'A', 'D'])
    const between = await ws.call('opportunities.list', { filters: [{ column: 'custom.score', op: 'between', value: { from: 15, to: 30 } }] })
    expect(between.rows.map((r) => r.name).sort()).toEqual(['A', 'C'])
    const website = await ws.call('opportunities.list', { filters: [{ column: 'custom.channel', op: 'in', value: ['website'] }] })
    expect(website.total).toBe(2)
    const tagged = await ws.call('opportunities.list', { filters: [{ column: 'custom.tags', op: 'in', value: ['it'] }] })
    expect(tagged.rows.map((r) => r.name).sort()).toEqual(['A', 'B'])
    const empty = await ws.call('opportunities.list', { filters: [{ column: 'custom.score', op: 'empty' }] })
    expect(empty.rows.map((r) => r.name)).toEqual(['D'])

    const groups = await ws.call('grid.groups', { entity: 'opportunity', groupBy: 'custom.channel' })
    expect(groups.map((g) => [g.key, g.count])).toEqual([
      ['partner', 1],
      ['website', 2],
      [null, 1],
    ].sort((a, b) => (a[0] === null ? 1 : b[0] === null ? -1 : String(a[0]).localeCompare(String(b[0])))))

    const unknown = await ws.raw('opportunities.list', { sort: [{ column: 'custom.nope', desc: false }] })
    expect(unknown.ok ? null : unknown.error.code).toBe('UNKNOWN_COLUMN')
    const injected = await ws.raw('opportunities.list', { sort: [{ column: "custom.x') --", desc: false }] })
    expect(injected.ok ? null : injected.error.code).toBe('VALIDATION')

    const view = await ws.call('views.save', {
      entity: 'opportunity',
      name: '按评分',
      state: { filters: [{ column: 'custom.channel', op: 'in', value: ['website'] }], sort: [{ column: 'custom.score', desc: true }], columns: [{ key: 'name' }, { key: 'custom.tags' }], pinned: 1, groupBy: null },
    })
    expect(view.state.sort[0]!.column).toBe('custom.score')
    const staleView = await ws.raw('views.save', { entity: 'opportunity', name: 'x', state: { filters: [], sort: [], columns: [{ key: 'custom.nope' }], pinned: 1, groupBy: null } })
    expect(staleView.ok ? null : staleView.error.code).toBe('UNKNOWN_COLUMN')

    const columns = await ws.call('grid.columns', { entity: 'opportunity' })
    const tags = columns.find((c) => c.key === 'custom.tags')!
    expect(tags).toMatchObject({ fieldType: 'multiPicklist', options: 'industry', groupable: false })
    expect(columns.find((c) => c.key === 'custom.channel')).toMatchObject({ type: 'picklist', groupable: true })
  })

  it('keeps an indexed shadow column in step with the JSON, for sorting like a built-in column', async () => {
    const ws = await openWorkspace()
    await field(ws, 'opportunity', 'score', 'number')
    const plan = ws.core.db
      .prepare('EXPLAIN QUERY PLAN SELECT o.id FROM opportunities o WHERE o.deleted_at IS NULL ORDER BY o.cf_score LIMIT 10')
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('cf_opportunity_score')
    const created = await deal(ws, 'S', { score: 3 })
    const shadow = () => ws.core.db.prepare('SELECT cf_score FROM opportunities WHERE id = ?').pluck().get(created.id)
    expect(shadow()).toBe(3)
    await ws.call('opportunities.update', { id: created.id, version: created.version, patch: { custom: { score: 8 } } })
    expect(shadow()).toBe(8)
  })
})

describe('deleting a field', () => {
  it('hides it, keeps its values until purged, and restores it', async () => {
    const ws = await openWorkspace()
    const f = await field(ws, 'opportunity', 'po_number', 'text')
    const created = await deal(ws, 'PO', { po_number: 'PO-1' })
    await ws.call('customFields.delete', { id: f.id })
    expect(await ws.call('customFields.list', { entity: 'opportunity' })).toEqual([])
    const hidden = await ws.raw('opportunities.list', { filters: [{ column: 'custom.po_number', op: 'notEmpty' }] })
    expect(hidden.ok ? null : hidden.error.code).toBe('UNKNOWN_COLUMN')

    const restored = await ws.call('customFields.restore', { id: f.id })
    expect(restored.deletedAt).toBeNull()
    expect((await ws.call('opportunities.get', { id: created.id })).custom.po_number).toBe('PO-1')

    await ws.call('customFields.delete', { id: f.id })
    await ws.call('customFields.purge', { id: f.id })
    expect((await ws.call('opportunities.get', { id: created.id })).custom).not.toHaveProperty('po_number')
    expect(await ws.call('customFields.list', { includeDeleted: true })).toEqual([])
  })
})
