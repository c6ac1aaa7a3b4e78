import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { workbench } from '../helpers/cli'
import { openWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace'

/** A workspace set up the way a team would: every part of the configuration changed at least once. */
async function customised(file?: string): Promise<TestWorkspace> {
  const ws = await openWorkspace({ file })
  const stages = await ws.call('stages.list', {})
  const quote = stages.find((s) => s.key === 'quote')!
  await ws.call('stages.update', { id: quote.id, patch: { probability: 55, rottingDays: 9, nameEn: 'Quotation' } })
  await ws.call('picklists.createList', { key: 'tier', labelZh: '客户分层', labelEn: 'Tier' })
  await ws.call('picklists.saveValue', { listKey: 'tier', value: 'gold', labelZh: '金牌', labelEn: 'Gold', color: '#d4af37' })
  await ws.call('picklists.saveValue', { listKey: 'source', value: 'website', labelZh: '公司官网', labelEn: 'Web site', active: false })
  await ws.call('customFields.create', { entity: 'account', key: 'tier', type: 'picklist', picklistKey: 'tier', labelZh: '分层', labelEn: 'Tier', required: true, helpText: '按年采购额' })
  await ws.call('customFields.create', { entity: 'opportunity', key: 'tender_no', type: 'text', labelZh: '招标编号', labelEn: 'Tender no.', requiredStageIds: [quote.id] })
  await ws.call('customFields.create', { entity: 'lead', key: 'seats', type: 'number', labelZh: '席位', labelEn: 'Seats', defaultValue: 5 })
  const channel = await ws.call('pipelines.create', { nameZh: '渠道', nameEn: 'Channel' })
  await ws.call('stages.create', { pipelineId: channel.id, nameZh: '签约准备', nameEn: 'Preparing', probability: 70 })
  await ws.call('layouts.save', {
    entity: 'account',
    sections: [{ key: 'main', labelZh: '主要', labelEn: 'Main', fields: ['name', 'custom.tier', 'industry'] }],
  })
  const config = await ws.call('loopConfig.get', {})
  await ws.call('loopConfig.update', { pool: { ...config.pool, returnDays: 21 } })
  await ws.call('imports.templates.save', { entity: 'lead', name: '展会名单', columns: [{ header: '公司', target: 'company' }, { header: '席位', target: 'custom:seats' }] })
  return ws
}

function documentOf(file: string): Record<string, unknown> {
  const { exportedAt: _at, ...rest } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
  return rest
}

describe('configuration as a file', () => {
  it('exports a setup and imports it into an empty workspace, which then exports an identical file', async () => {
    const source = await customised()
    const exported = await source.call('config.export', {})
    expect(path.dirname(exported.path)).toBe(path.join(source.dir, 'exports'))

    const target = await openWorkspace()
    target.core.paths.allow(exported.path)
    const before = documentOf((await target.call('config.export', {})).path)
    const preview = await target.call('config.import', { path: exported.path, dryRun: true })
    expect(preview.applied).toBe(false)
    expect(preview.changes).toContainEqual({ part: 'customField', key: 'account.tier', action: 'create', note: null })
    expect(preview.changes).toContainEqual({ part: 'pipeline', key: 'p_channel', action: 'create', note: null })
    expect(preview.changes).toContainEqual({ part: 'stage', key: 'new_business/quote', action: 'update', note: null })
    expect(preview.changes).toContainEqual({ part: 'template', key: 'lead/展会名单', action: 'create', note: null })
    expect(documentOf((await target.call('config.export', {})).path)).toEqual(before)

    const applied = await target.call('config.import', { path: exported.path, dryRun: false })
    expect(applied.applied).toBe(true)
    expect(applied.counts).toEqual(preview.counts)
    expect(documentOf((await target.call('config.export', {})).path)).toEqual(documentOf(exported.path))

    const again = await target.call('config.import', { path: exported.path, dryRun: true })
    expect(again.counts).toMatchObject({ create: 0, update: 0, skip: 0 })

    // The imported definitions work: required per stage, defaults, indexes.
    const quote = (await target.call('stages.list', {})).find((s) => s.key === 'quote')!
    const lead = await target.call('leads.create', { company: '导入后的线索' })
    expect(lead.custom.seats).toBe(5)
    const stage = (await target.call('stages.list', {}))[0]!
    const deal = await target.call('opportunities.create', { name: 'D', stageId: stage.id })
    const refused = await target.raw('opportunities.update', { id: deal.id, version: deal.version, patch: { stageId: quote.id, amount: 1, expectedCloseDate: '2026-12-01' } })
    expect(refused.ok ? null : refused.error.code).toBe('CUSTOM_FIELD_REQUIRED')
  })

  it('refuses a file that is not a configuration, changing nothing', async () => {
    const ws = await openWorkspace()
    const file = path.join(ws.dir, 'not-config.json')
    fs.writeFileSync(file, JSON.stringify({ format: 'something-else' }))
    ws.core.paths.allow(file)
    const result = await ws.raw('config.import', { path: file, dryRun: false })
    expect(result.ok ? null : result.error.code).toBe('CONFIG_FILE_INVALID')
  })

  it('runs from the CLI: config export, then config import --dry-run --json and for real', async () => {
    const dir = tempDir()
    const sourceDb = path.join(dir, 'source.db')
    await customised(sourceDb)
    const out = path.join(dir, 'setup.json')
    const exported = await workbench(['config', 'export', '--db', sourceDb, '--out', out, '--lang', 'en'])
    expect(exported.code).toBe(0)
    expect(exported.stdout).toContain(out)

    const targetDb = path.join(dir, 'target.db')
    const dry = await workbench(['config', 'import', out, '--db', targetDb, '--dry-run', '--json'])
    expect(dry.code).toBe(0)
    const report = JSON.parse(dry.stdout) as { applied: boolean; counts: { create: number } }
    expect(report.applied).toBe(false)
    expect(report.counts.create).toBeGreaterThan(5)
    const real = await workbench(['config', 'import', out, '--db', targetDb, '--lang', 'en'])
    expect(real.code).toBe(0)
    expect(real.stdout).toContain('Imported the configuration')
    const target = await openWorkspace({ file: targetDb })
    expect(documentOf((await target.call('config.export', {})).path)).toEqual(documentOf(out))

    const broken = path.join(dir, 'broken.json')
    fs.writeFileSync(broken, '{')
    const bad = await workbench(['config', 'import', broken, '--db', targetDb, '--lang', 'zh-CN'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('不是有效的配置文件')
  })
})
