import { describe, expect, it } from 'vitest'
import type { CustomFieldType } from '../../shared/entities'
import { readBack, rowsOfSheet } from '../exports/helpers'
import { csvOf, importWorkspace } from '../imports/helpers'

const fields: { key: string; type: CustomFieldType; labelZh: string; labelEn: string; picklistKey?: string }[] = [
  { key: 'budget_code', type: 'text', labelZh: '预算编号', labelEn: 'Budget code' },
  { key: 'memo', type: 'longText', labelZh: '交接说明', labelEn: 'Handover note' },
  { key: 'seats', type: 'number', labelZh: '席位数', labelEn: 'Seats' },
  { key: 'deposit', type: 'currency', labelZh: '定金', labelEn: 'Deposit' },
  { key: 'discount', type: 'percent', labelZh: '折扣', labelEn: 'Discount' },
  { key: 'kickoff', type: 'date', labelZh: '启动日期', labelEn: 'Kickoff' },
  { key: 'demo_at', type: 'datetime', labelZh: '演示时间', labelEn: 'Demo at' },
  { key: 'channel', type: 'picklist', labelZh: '渠道', labelEn: 'Channel', picklistKey: 'source' },
  { key: 'sectors', type: 'multiPicklist', labelZh: '涉及行业', labelEn: 'Sectors', picklistKey: 'industry' },
  { key: 'sponsor', type: 'user', labelZh: '内部支持人', labelEn: 'Sponsor' },
  { key: 'strategic', type: 'checkbox', labelZh: '战略客户', labelEn: 'Strategic' },
  { key: 'hotline', type: 'phone', labelZh: '热线', labelEn: 'Hotline' },
  { key: 'billing_email', type: 'email', labelZh: '开票邮箱', labelEn: 'Billing email' },
  { key: 'portal', type: 'url', labelZh: '门户网址', labelEn: 'Portal' },
]

describe('custom fields in imports and exports', () => {
  it('maps columns by the fields’ labels, coerces every type, exports them and reads the export back unchanged', async () => {
    const ws = await importWorkspace()
    await ws.call('workspace.loadDemo', { scale: 20 })
    const [user] = await ws.call('users.list', {})
    for (const f of fields) await ws.call('customFields.create', { entity: 'account', ...f })

    const headers = ['客户名称', ...fields.map((f) => f.labelZh)]
    const row = [
      '自定义字段导入公司',
      'B-2026-01', '多行\n备注', '25', '¥5,000', '12.5%', '2026/4/1', '2026-04-02 10:30', '官网', '零售、金融',
      user!.name, '是', '010-8888 6666', 'ap@example.cn', 'https://portal.example.cn',
    ]
    const file = ws.file('accounts.csv', csvOf([headers, row]))
    const inspection = await ws.call('imports.inspect', { path: file, entity: 'account' })
    expect(inspection.columns.slice(1).map((c) => c.target)).toEqual(fields.map((f) => `custom:${f.key}`))
    expect(inspection.targets.map((t) => t.key)).toContain('custom:sectors')

    const report = await ws.call('imports.commit', { path: file, entity: 'account' })
    expect(report.issues).toEqual([])
    expect(report.counts.create).toBe(1)
    const imported = await ws.call('accounts.list', { filters: [{ column: 'name', op: 'equals', value: '自定义字段导入公司' }] })
    expect(imported.rows[0]!.custom).toEqual({
      budget_code: 'B-2026-01',
      memo: '多行\n备注',
      seats: 25,
      deposit: 5000,
      discount: 12.5,
      kickoff: '2026-04-01',
      demo_at: expect.stringMatching(/^2026-04-02T/),
      channel: 'website',
      sectors: ['retail', 'finance'],
      sponsor: user!.id,
      strategic: true,
      hotline: '010-8888 6666',
      billing_email: 'ap@example.cn',
      portal: 'https://portal.example.cn',
    })

    const exported = await ws.call('exports.grid', {
      entity: 'account',
      columns: ['name', ...fields.map((f) => `custom.${f.key}`)],
      filters: [{ column: 'custom.budget_code', op: 'notEmpty' }],
    })
    const [exportedHeaders, ...rows] = rowsOfSheet(readBack(exported.path))
    expect(exportedHeaders!.slice(2)).toEqual(fields.map((f) => f.labelEn))
    expect(rows).toHaveLength(1)
    expect(rows[0]![9]).toBe('Website')
    expect(rows[0]![10]).toBe('Retail, Finance')

    ws.allow(exported.path)
    const back = await ws.call('imports.commit', { path: exported.path, entity: 'account', onDuplicate: 'update' })
    expect(back.issues).toEqual([])
    expect(back.counts).toMatchObject({ update: 0, unchanged: 1, reject: 0 })
  })

  it('fills defaults and stops at the first row missing a required custom field', async () => {
    const ws = await importWorkspace()
    await ws.call('customFields.create', { entity: 'lead', key: 'campaign', type: 'text', labelZh: '活动', labelEn: 'Campaign', required: true })
    await ws.call('customFields.create', { entity: 'lead', key: 'seats', type: 'number', labelZh: '席位数', labelEn: 'Seats', defaultValue: 5 })
    const ok = ws.file('ok.csv', csvOf([['公司', '活动'], ['甲公司', '春季展会']]))
    await ws.call('imports.commit', { path: ok, entity: 'lead' })
    const lead = (await ws.call('leads.list', {})).rows[0]!
    expect(lead.custom).toEqual({ campaign: '春季展会', seats: 5 })
    const missing = ws.file('missing.csv', csvOf([['公司', '活动'], ['乙公司', '秋季'], ['丙公司', '']]))
    const refused = await ws.raw('imports.commit', { path: missing, entity: 'lead' })
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'CUSTOM_FIELD_REQUIRED', details: { missing: ['campaign'], row: 3 } })
    expect((await ws.call('leads.list', {})).total).toBe(1)
  })

  it('reports a cell a custom field cannot take, by its column', async () => {
    const ws = await importWorkspace()
    await ws.call('customFields.create', { entity: 'lead', key: 'seats', type: 'number', labelZh: '席位数', labelEn: 'Seats' })
    const file = ws.file('leads.csv', csvOf([['公司', '席位数'], ['甲公司', 'many']]))
    const report = await ws.call('imports.preview', { path: file, entity: 'lead' })
    expect(report.issues.map((i) => [i.column, i.reason])).toEqual([['席位数', 'NUMBER_UNRECOGNISED']])
  })
})
