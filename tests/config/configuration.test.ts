import { describe, expect, it } from 'vitest'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'
import { addUser, leadFields } from '../loop/helpers'

async function stagesOf(ws: TestWorkspace, pipelineKey: string) {
  const pipeline = (await ws.call('pipelines.list', {})).find((p) => p.key === pipelineKey)!
  return { pipeline, stages: await ws.call('stages.list', { pipelineId: pipeline.id }) }
}

async function dealIn(ws: TestWorkspace, stageKey: string, custom?: Record<string, unknown>) {
  const { stages } = await stagesOf(ws, 'new_business')
  const stage = stages.find((s) => s.key === stageKey)!
  return ws.call('opportunities.create', { name: `Deal ${stageKey}`, stageId: stage.id, amount: 1000, expectedCloseDate: '2026-12-31', custom: custom as never })
}

describe('changing a field’s type', () => {
  it('reports unconvertible values on a dry run, refuses without consent, converts everything with it', async () => {
    const ws = await openWorkspace()
    const field = await ws.call('customFields.create', { entity: 'opportunity', key: 'seats', type: 'text', labelZh: '席位', labelEn: 'Seats' })
    const good = await dealIn(ws, 'discovery', { seats: '12' })
    const bad = await dealIn(ws, 'discovery', { seats: '十几个' })
    const trashed = await dealIn(ws, 'discovery', { seats: '1,200' })
    await ws.call('opportunities.delete', { id: trashed.id, version: trashed.version })

    const preview = await ws.call('customFields.changeType', { id: field.id, version: field.version, type: 'number', dryRun: true })
    expect(preview).toMatchObject({ converted: 2, failureCount: 1, applied: false })
    expect(preview.failures).toEqual([{ recordId: bad.id, value: '十几个', reason: 'NUMBER_UNRECOGNISED' }])

    const refused = await ws.raw('customFields.changeType', { id: field.id, version: field.version, type: 'number', dryRun: false })
    expect(refused.ok ? null : refused.error.code).toBe('CUSTOM_FIELD_UNCONVERTIBLE')
    expect((await ws.call('opportunities.get', { id: good.id })).custom.seats).toBe('12')
    expect((await ws.call('customFields.list', {}))[0]!.type).toBe('text')

    const done = await ws.call('customFields.changeType', { id: field.id, version: field.version, type: 'number', dryRun: false, clearUnconvertible: true })
    expect(done).toMatchObject({ converted: 2, failureCount: 1, applied: true, field: { type: 'number' } })
    expect((await ws.call('opportunities.get', { id: good.id })).custom.seats).toBe(12)
    expect((await ws.call('opportunities.get', { id: bad.id })).custom).not.toHaveProperty('seats')
    const audit = await ws.call('audit.list', { entityType: 'opportunity', entityId: bad.id })
    expect(audit[0]).toMatchObject({ field: 'custom.seats', oldValue: '十几个', newValue: null })
    await ws.call('trash.restore', { entityType: 'opportunity', entityId: trashed.id })
    expect((await ws.call('opportunities.get', { id: trashed.id })).custom.seats).toBe(1200)
  })

  it('turns a text field into a picklist by matching labels', async () => {
    const ws = await openWorkspace()
    const field = await ws.call('customFields.create', { entity: 'opportunity', key: 'origin', type: 'text', labelZh: '来源说明', labelEn: 'Origin' })
    const deal = await dealIn(ws, 'discovery', { origin: '展会' })
    await ws.call('customFields.changeType', { id: field.id, version: field.version, type: 'picklist', picklistKey: 'source', dryRun: false })
    expect((await ws.call('opportunities.get', { id: deal.id })).custom.origin).toBe('exhibition')
  })
})

describe('picklists', () => {
  it('renames a value without touching records, and merges values moving every record with an audit trail', async () => {
    const ws = await openWorkspace()
    await ws.call('customFields.create', { entity: 'opportunity', key: 'channels', type: 'multiPicklist', picklistKey: 'source', labelZh: '渠道', labelEn: 'Channels' })
    const a = await dealIn(ws, 'discovery', { channels: ['wechat', 'website'] })
    const lead = await ws.call('leads.create', { company: '某线索', source: 'wechat' })

    const before = await ws.call('opportunities.get', { id: a.id })
    const renamed = await ws.call('picklists.saveValue', { listKey: 'source', value: 'wechat', labelZh: '微信公众号', labelEn: 'WeChat OA', color: '#00aa00' })
    expect(renamed).toMatchObject({ labelZh: '微信公众号', color: '#00aa00', active: true })
    expect((await ws.call('opportunities.get', { id: a.id })).version).toBe(before.version)

    const merged = await ws.call('picklists.merge', { listKey: 'source', fromValue: 'wechat', intoValue: 'website' })
    expect(merged.moved).toBe(2)
    expect((await ws.call('opportunities.get', { id: a.id })).custom.channels).toEqual(['website'])
    const leadAfter = (await ws.call('leads.list', {})).rows.find((l) => l.id === lead.id)!
    expect(leadAfter.source).toBe('website')
    const trail = await ws.call('audit.list', { entityType: 'lead', entityId: lead.id })
    expect(trail[0]).toMatchObject({ action: 'merge', field: 'source', oldValue: 'wechat', newValue: 'website', batchId: merged.batchId })
    expect((await ws.call('picklists.list', {})).some((p) => p.listKey === 'source' && p.value === 'wechat')).toBe(false)

    const inUse = await ws.raw('picklists.deleteValue', { listKey: 'source', value: 'website' })
    expect(inUse.ok ? null : inUse.error.code).toBe('PICKLIST_VALUE_IN_USE')
  })

  it('rewrites saved views that filtered on the merged value, and only filters on that list', async () => {
    const ws = await openWorkspace()
    await ws.call('customFields.create', { entity: 'opportunity', key: 'channel', type: 'picklist', picklistKey: 'source', labelZh: '渠道', labelEn: 'Channel' })
    const deal = await dealIn(ws, 'discovery', { channel: 'wechat' })
    const lead = await ws.call('leads.create', { company: '微信线索', source: 'wechat' })
    const state = (filters: { column: string; op: 'in' | 'equals'; value: string | string[] }[]) => ({ filters, sort: [], columns: [{ key: 'name' }], pinned: 1, groupBy: null })
    const byChannel = await ws.call('views.save', { entity: 'opportunity', name: '微信渠道', state: state([{ column: 'custom.channel', op: 'in', value: ['wechat', 'website'] }]) })
    const leadView = await ws.call('views.save', { entity: 'lead', name: '微信线索', shared: true, state: { ...state([{ column: 'source', op: 'equals', value: 'wechat' }, { column: 'region', op: 'in', value: ['wechat'] }]), columns: [{ key: 'company' }] } })

    await ws.call('picklists.merge', { listKey: 'source', fromValue: 'wechat', intoValue: 'website' })

    const opportunityViews = await ws.call('views.list', { entity: 'opportunity' })
    const channelFilters = opportunityViews.find((v) => v.id === byChannel.id)!.state.filters
    expect(channelFilters).toEqual([{ column: 'custom.channel', op: 'in', value: ['website'] }])
    expect((await ws.call('opportunities.list', { filters: channelFilters })).rows.map((r) => r.id)).toEqual([deal.id])
    const leadFilters = (await ws.call('views.list', { entity: 'lead' })).find((v) => v.id === leadView.id)!.state.filters
    // Region is another list: a value that happens to be spelled the same stays.
    expect(leadFilters).toEqual([
      { column: 'source', op: 'equals', value: 'website' },
      { column: 'region', op: 'in', value: ['wechat'] },
    ])
    expect((await ws.call('leads.list', { filters: leadFilters.slice(0, 1) })).rows.map((r) => r.id)).toEqual([lead.id])
  })

  it('creates custom lists, orders them, and keeps follow-up types a fixed set', async () => {
    const ws = await openWorkspace()
    await ws.call('picklists.createList', { key: 'tier', labelZh: '客户分层', labelEn: 'Tier' })
    for (const [value, zh] of [['gold', '金牌'], ['silver', '银牌']]) {
      await ws.call('picklists.saveValue', { listKey: 'tier', value: value!, labelZh: zh!, labelEn: value! })
    }
    const ordered = await ws.call('picklists.reorder', { listKey: 'tier', values: ['silver', 'gold'] })
    expect(ordered.map((p) => p.value)).toEqual(['silver', 'gold'])
    const lists = await ws.call('picklists.lists', {})
    expect(lists.find((l) => l.key === 'tier')).toMatchObject({ builtin: false, valueCount: 2 })
    expect(lists.find((l) => l.key === 'activity_type')).toMatchObject({ builtin: true, fixedValues: true, valueCount: 6 })
    const newType = await ws.raw('picklists.saveValue', { listKey: 'activity_type', value: 'fax', labelZh: '传真', labelEn: 'Fax' })
    expect(newType.ok ? null : newType.error.code).toBe('PICKLIST_UNKNOWN')
    expect(await ws.call('picklists.saveValue', { listKey: 'activity_type', value: 'call', labelZh: '电话沟通', labelEn: 'Phone call' })).toMatchObject({ labelZh: '电话沟通' })
  })
})

describe('pipelines', () => {
  it('creates a pipeline and moves a deal into it, mapping its stage by kind and position', async () => {
    const ws = await openWorkspace()
    const { pipeline: project, stages: projectStages } = await stagesOf(ws, 'project')
    const deal = await dealIn(ws, 'qualified')
    const moved = await ws.call('opportunities.movePipeline', { id: deal.id, version: deal.version, pipelineId: project.id })
    expect(moved.mapping).toBe('position')
    expect(moved.toStageId).toBe(projectStages.filter((s) => s.kind === 'open')[1]!.id)
    expect(moved.opportunity).toMatchObject({ pipelineId: project.id, stageId: moved.toStageId })
    const trail = await ws.call('audit.list', { entityType: 'opportunity', entityId: deal.id })
    expect(trail.find((e) => e.field === 'pipeline_move')!.newValue).toContain('(position)')

    const channel = await ws.call('pipelines.create', { nameZh: '渠道', nameEn: 'Channel sales' })
    expect(channel).toMatchObject({ key: 'p_channel_sales', active: true })
    const channelStages = await ws.call('stages.list', { pipelineId: channel.id })
    expect(channelStages.map((s) => s.kind)).toEqual(['open', 'won', 'lost'])
    const again = await ws.call('opportunities.movePipeline', { id: deal.id, version: moved.opportunity.version, pipelineId: channel.id })
    expect(again).toMatchObject({ mapping: 'kind', toStageId: channelStages[0]!.id })

    const copy = await ws.call('pipelines.create', { key: 'project_b', nameZh: '项目B', nameEn: 'Project B', copyStagesFrom: project.id })
    expect((await ws.call('stages.list', { pipelineId: copy.id })).map((s) => s.key)).toEqual(projectStages.map((s) => s.key))
    const off = await ws.call('pipelines.update', { id: copy.id, patch: { active: false, nameEn: 'Project B (old)' } })
    expect(off).toMatchObject({ active: false, nameEn: 'Project B (old)' })
    const refused = await ws.raw('opportunities.movePipeline', { id: deal.id, version: again.opportunity.version, pipelineId: copy.id })
    expect(refused.ok ? null : refused.error.code).toBe('VALIDATION')
    const order = (await ws.call('pipelines.list', {})).map((p) => p.id).reverse()
    expect((await ws.call('pipelines.reorder', { pipelineIds: order })).map((p) => p.id)).toEqual(order)
  })
})

describe('form layouts', () => {
  it('defaults to every field, saves sections, and keeps new custom fields visible', async () => {
    const ws = await openWorkspace()
    const initial = await ws.call('layouts.get', { entity: 'account' })
    expect(initial.isDefault).toBe(true)
    expect(initial.sections[0]!.fields).toContain('name')
    await ws.call('customFields.create', { entity: 'account', key: 'tier', type: 'text', labelZh: '分层', labelEn: 'Tier' })
    const saved = await ws.call('layouts.save', {
      entity: 'account',
      sections: [
        { key: 'basics', labelZh: '基本', labelEn: 'Basics', fields: ['name', 'custom.tier', 'industry'] },
        { key: 'contact', labelZh: '联系方式', labelEn: 'Contact', fields: ['phone', 'email'] },
      ],
    })
    expect(saved).toMatchObject({ isDefault: false, sections: [{ fields: ['name', 'custom.tier', 'industry'] }, { fields: ['phone', 'email'] }] })
    await ws.call('customFields.create', { entity: 'account', key: 'erp_code', type: 'text', labelZh: 'ERP编号', labelEn: 'ERP code' })
    expect((await ws.call('layouts.get', { entity: 'account' })).sections[1]!.fields).toEqual(['phone', 'email', 'custom.erp_code'])
    const bad = await ws.raw('layouts.save', { entity: 'account', sections: [{ key: 'a', labelZh: 'A', labelEn: 'A', fields: ['custom.nope'] }] })
    expect(bad.ok ? null : bad.error.code).toBe('CUSTOM_FIELD_UNKNOWN')
    expect((await ws.call('layouts.reset', { entity: 'account' })).isDefault).toBe(true)
  })
})

describe('picklist merge and the rules that name the merged value', () => {
  it('renames the value in assignment and scoring rules, so new leads are routed and scored as before', async () => {
    const ws = await openWorkspace()
    const userId = addUser(ws, '陈静')
    await ws.call('assignmentRules.save', {
      rules: [
        { name: '微信来源', matchField: 'source', matchValues: ['wechat', 'partner'], assignTo: { type: 'user', userId } },
        { name: '华东', matchField: 'region', matchValues: ['wechat'], assignTo: { type: 'user', userId } },
      ],
    })
    const config = await ws.call('loopConfig.get', {})
    const scoring = [...config.leadRating.scoring, { kind: 'fieldEquals' as const, field: 'source' as const, value: 'wechat', points: 30 }]
    await ws.call('loopConfig.update', { leadRating: { ...config.leadRating, scoring } })

    await ws.call('picklists.merge', { listKey: 'source', fromValue: 'wechat', intoValue: 'website' })

    const rules = await ws.call('assignmentRules.list', {})
    expect(rules.map((r) => r.matchValues)).toEqual([['website', 'partner'], ['wechat']])
    const after = await ws.call('loopConfig.get', {})
    expect(after.leadRating.scoring.filter((r) => r.kind === 'fieldEquals' && r.value === 'wechat')).toEqual([])
    expect(after.leadRating.scoring).toContainEqual({ kind: 'fieldEquals', field: 'source', value: 'website', points: 30 })
    const lead = await ws.call('leads.capture', leadFields('合并后的线索', { source: 'website' }))
    expect(lead.ownerId).toBe(userId)
  })
})
