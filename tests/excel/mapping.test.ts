import { describe, expect, it } from 'vitest'
import { coerceForColumn, type CoerceContext, type ColumnValue, type StageRef } from '../../shared/coerce'
import {
  importTargets,
  layoutFingerprint,
  mapColumns,
  type ColumnMapping,
  type DetectedTable,
  type ImportEntity,
} from '../../electron/core/excel'
import { sheetNamed, tableOf, workbookOf } from './helpers'

/** header → field key, for the mapped columns only. */
function fieldsOf(mapping: readonly ColumnMapping[]): Record<string, string> {
  return Object.fromEntries(mapping.filter((m) => m.target).map((m) => [m.header, m.target!.key]))
}

/** Each data row as field → coerced value, the way the import will store it. */
function records(table: DetectedTable, entity: ImportEntity, context: CoerceContext = {}): Record<string, ColumnValue>[] {
  const mapping = mapColumns(entity, table.columns)
  return table.dataRows.map((row) =>
    Object.fromEntries(
      mapping.flatMap((m, i) => {
        if (!m.target) return []
        const coerced = coerceForColumn(m.target.type, row.values[i], { ...context, unitMultiplier: m.unitMultiplier ?? 1 })
        return [[m.target.key, coerced.ok ? coerced.value : `!${coerced.reason}`]]
      }),
    ),
  )
}

describe('mapping Chinese CRM templates', () => {
  it('maps the zgh01640 opportunity template, its 万元 amounts and its text dates', async () => {
    const table = await tableOf('chinese-crm-templates/zgh01640-crypto-Insight/商机导入模板.xlsx', '商机数据')
    const mapping = mapColumns('opportunity', table.columns)
    expect(fieldsOf(mapping)).toEqual({
      商机名称: 'name',
      '预计金额（万元）': 'amount',
      商机阶段: 'stageId',
      预计达成时间: 'expectedCloseDate',
      备注: 'notes',
    })
    expect(mapping.find((m) => m.target?.key === 'amount')).toMatchObject({ unitMultiplier: 10_000, currency: 'CNY', confidence: 1 })
    const stages: StageRef[] = [
      { id: 1, key: 'quote', nameZh: '报价', nameEn: 'Quote', kind: 'open' },
      { id: 2, key: 'contracting', nameZh: '签约跟进', nameEn: 'Contracting', kind: 'open' },
      { id: 3, key: 'initiation', nameZh: '立项', nameEn: 'Initiation', kind: 'open' },
    ]
    expect(records(table, 'opportunity', { stages })).toEqual([
      { name: '某市智慧城管平台', amount: 6_800_000, stageId: 1, expectedCloseDate: '2026-05-30', notes: '甲方签署中' },
      { name: 'XX集团数字化转型项目', amount: 5_200_000, stageId: 2, expectedCloseDate: '2026-03-31', notes: null },
      { name: '智慧工地管理系统', amount: 3_500_000, stageId: 3, expectedCloseDate: null, notes: '已立项，推进中' },
      { name: '供应链金融平台', amount: 2_800_000, stageId: '!STAGE_UNKNOWN', expectedCloseDate: null, notes: null },
    ])
  })

  it('maps the Kevin-Hu88 customer template as leads, phones staying text', async () => {
    const table = await tableOf('chinese-crm-templates/Kevin-Hu88-lead-system/客户导入模板.xlsx')
    expect(fieldsOf(mapColumns('lead', table.columns))).toEqual({
      名称: 'company',
      联系人: 'contactName',
      电话: 'phone',
      邮箱: 'email',
      区域: 'region',
      需求: 'productInterest',
      备注: 'notes',
    })
    expect(records(table, 'lead')[1]).toMatchObject({ company: 'YY建材市场', phone: '13900139002', email: 'li@yy.com', notes: '预算10万左右' })
  })

  it('reads past （必填） markers and trims the tab after a phone (fangbao)', async () => {
    const table = await tableOf('chinese-crm-templates/fangbao-0418-crm/src/assets/files/商机导入模板.xlsx', 'Sheet1')
    const mapping = mapColumns('lead', table.columns)
    expect(fieldsOf(mapping)).toEqual({
      '公司名称（必填）': 'company',
      '主联系人（必填）': 'contactName',
      '主联系电话（必填）': 'phone',
      备注: 'notes',
    })
    expect(records(table, 'lead')[0]).toMatchObject({ company: '满记甜品（上海）有限公司', contactName: '潘冠鹤', phone: '02152534888' })
    const withCity = await tableOf('chinese-crm-templates/fangbao-0418-crm/src/assets/files/客资导入模版.xlsx', 'Sheet1')
    expect(fieldsOf(mapColumns('lead', withCity.columns))['城市(必填项)']).toBe('region')
  })

  it('maps the chengxiaofeng360 UTF-8 CSV without a BOM', async () => {
    const table = await tableOf('chinese-crm-templates/chengxiaofeng360-design-aicustomer/客户导入模板.csv')
    expect(fieldsOf(mapColumns('account', table.columns))).toMatchObject({
      客户名称: 'name',
      联系人: 'contactName',
      电话: 'phone',
      邮箱: 'email',
      地址: 'address',
      备注: 'notes',
    })
    expect(table.dataRows).toHaveLength(3)
  })

  it('maps the MrBigGreen customer template and keeps one column per field', async () => {
    const table = await tableOf('chinese-crm-templates/MrBigGreen-CRM/客户导入模板.xls')
    const mapping = mapColumns('account', table.columns)
    expect(fieldsOf(mapping)).toMatchObject({
      客户名称: 'name',
      所属行业: 'industry',
      联系人: 'contactName',
      手机号码: 'phone',
      邮箱: 'email',
      所在省份: 'region',
      详细地址: 'address',
      官网: 'website',
      客户来源: 'source',
    })
    const keys = mapping.flatMap((m) => (m.target ? [m.target.key] : []))
    expect(new Set(keys).size).toBe(keys.length)
    expect(mapping.find((m) => m.header === '固定电话')?.target).toBeNull()
    expect(mapping.find((m) => m.header === '客户级别')?.target).toBeNull()
  })
})

describe('mapping exports from other CRMs', () => {
  const mavenStages: StageRef[] = [
    { id: 1, key: 'prospecting', nameZh: '潜在', nameEn: 'Prospecting', kind: 'open' },
    { id: 2, key: 'engaging', nameZh: '接洽', nameEn: 'Engaging', kind: 'open' },
    { id: 3, key: 'won', nameZh: '赢单', nameEn: 'Won', kind: 'won' },
    { id: 4, key: 'lost', nameZh: '输单', nameEn: 'Lost', kind: 'lost' },
  ]

  /** The Maven pipeline keyed by opportunity_id, dates and amounts coerced, engage_date included. */
  async function mavenRecords(copy: string) {
    const table = await tableOf(`maven-crm-sales-opportunities/${copy}/sales_pipeline.csv`)
    const engage = table.columns.findIndex((c) => c.header === 'engage_date')
    const mapped = records(table, 'opportunity', { stages: mavenStages, users: [] })
    return new Map(
      table.dataRows.map((row, i): [unknown, Record<string, unknown>] => [
        row.values[0],
        { ...mapped[i], engaged: coerceForColumn('date', row.values[engage]) },
      ]),
    )
  }

  it('gives identical records for Maven’s original ISO dates and the Excel-resaved US dates', async () => {
    const table = await tableOf('maven-crm-sales-opportunities/original-zip/sales_pipeline.csv')
    expect(fieldsOf(mapColumns('opportunity', table.columns))).toEqual({
      sales_agent: 'ownerId',
      product: 'productLine',
      account: 'accountName',
      deal_stage: 'stageId',
      close_date: 'expectedCloseDate',
      close_value: 'amount',
    })
    const original = await mavenRecords('original-zip')
    const resaved = await mavenRecords('excel-resaved-copy')
    expect(original.size).toBe(8800)
    expect(resaved).toEqual(original)
    expect(original.get('1C1I7A6R')).toMatchObject({
      stageId: 3,
      expectedCloseDate: '2017-03-01',
      amount: 1054,
      engaged: { ok: true, value: '2016-10-20' },
    })
    const totalWon = [...original.values()].filter((r) => r.stageId === 3).reduce((sum, r) => sum + (r.amount as number), 0)
    expect(totalWon).toBe(10_005_534)
  })

  it('maps Salesforce opportunities, reading MM/DD/YY dates and Closed Won / Closed Lost', async () => {
    const table = await tableOf('salesforce-sample-export/Opportunity.csv')
    const mapping = mapColumns('opportunity', table.columns)
    expect(fieldsOf(mapping)).toEqual({
      Name: 'name',
      Description: 'notes',
      StageName: 'stageId',
      Amount: 'amount',
      Probability: 'probability',
      CloseDate: 'expectedCloseDate',
      NextStep: 'nextStep',
      LeadSource: 'source',
    })
    const stages: StageRef[] = [
      { id: 6, key: 'won', nameZh: '赢单', nameEn: 'Won', kind: 'won' },
      { id: 7, key: 'lost', nameZh: '输单', nameEn: 'Lost', kind: 'lost' },
    ]
    const rows = records(table, 'opportunity', { stages, options: [] })
    expect(rows[0]).toMatchObject({ name: 'Dickenson Mobile Generators', amount: 15_000, probability: 10, expectedCloseDate: '2024-02-03' })
    const stageName = table.columns.findIndex((c) => c.header === 'StageName')
    const won = table.dataRows.filter((r) => r.values[stageName] === 'Closed Won').length
    const lost = table.dataRows.filter((r) => r.values[stageName] === 'Closed Lost').length
    expect(won).toBeGreaterThan(0)
    expect(rows.filter((r) => r.stageId === 6)).toHaveLength(won)
    expect(rows.filter((r) => r.stageId === 7)).toHaveLength(lost)
    expect(rows.filter((r) => r.stageId === '!STAGE_UNKNOWN')).toHaveLength(rows.length - won - lost)
    expect(rows.every((r) => typeof r.expectedCloseDate === 'string' && /^20\d\d-\d\d-\d\d$/.test(r.expectedCloseDate))).toBe(true)
  })

  it('maps Salesforce contacts and accounts by their API field names', async () => {
    const contacts = await tableOf('salesforce-sample-export/Contact.csv')
    expect(fieldsOf(mapColumns('contact', contacts.columns))).toMatchObject({ Name: 'name', Phone: 'phone', Email: 'email', Title: 'title' })
    const accounts = await tableOf('salesforce-sample-export/Account.csv')
    expect(fieldsOf(mapColumns('account', accounts.columns))).toMatchObject({ Name: 'name', Industry: 'industry', BillingCity: 'region' })
  })
})

describe('header matching rules', () => {
  const mapOne = (entity: ImportEntity, ...headerTexts: string[]) =>
    mapColumns(
      entity,
      headerTexts.map((header, index) => ({ index, header })),
    )

  it.each<[ImportEntity, string, string]>([
    ['opportunity', '客户名称', 'accountName'],
    ['opportunity', 'Account Name', 'accountName'],
    ['opportunity', '*公司名称', 'accountName'],
    ['opportunity', 'Opportunity Name', 'name'],
    ['opportunity', '项目名称', 'name'],
    ['opportunity', '合同金额(元)', 'amount'],
    ['opportunity', '销售阶段', 'stageId'],
    ['opportunity', 'Expected close', 'expectedCloseDate'],
    ['opportunity', '预计成交日期', 'expectedCloseDate'],
    ['opportunity', 'Opportunity Owner', 'ownerId'],
    ['opportunity', '销售员', 'ownerId'],
    ['opportunity', '客户来源', 'source'],
    ['opportunity', '所属行业', 'industry'],
    ['opportunity', 'office_location', 'region'],
    ['opportunity', '下次跟进时间', 'nextFollowUpDate'],
    ['opportunity', '赢率', 'probability'],
    ['opportunity', 'Probability (%)', 'probability'],
    ['opportunity', '产品线', 'productLine'],
    ['opportunity', '竞争对手', 'competitor'],
    ['opportunity', '输单原因', 'lossReason'],
    ['opportunity', '联系人手机', 'phone'],
    ['lead', '公司', 'company'],
    ['lead', '单位名称', 'company'],
    ['lead', 'E-mail', 'email'],
    ['lead', '电子邮件', 'email'],
    ['lead', 'Mobile', 'phone'],
    ['lead', '固定电话', 'phone'],
    ['account', 'Company', 'name'],
    ['contact', '姓名', 'name'],
    ['contact', 'Contact Name', 'name'],
    ['contact', '客户', 'accountName'],
    ['contact', '职务', 'title'],
  ])('%s: %s → %s', (entity, header, key) => {
    expect(mapOne(entity, header)[0]?.target?.key).toBe(key)
  })

  it.each(['客户级别', '企业性质', '注册资金', 'AccountId', 'ExpectedRevenue', 'CreatedDate', 'opportunity_id', '序号'])(
    'leaves %s unmapped',
    (header) => {
      expect(mapOne('opportunity', header)[0]?.target).toBeNull()
    },
  )

  it('gives a field to the column that names it best, then the earlier one', () => {
    const mapping = mapOne('lead', '第二联系电话', '主联系电话', '手机号码')
    expect(mapping.map((m) => m.target?.key ?? null)).toEqual([null, null, 'phone'])
    const tie = mapOne('lead', '电话', '电话')
    expect(tie.map((m) => m.target?.key ?? null)).toEqual(['phone', null])
  })

  it('reads units and currencies from amount headers', () => {
    expect(mapOne('opportunity', '金额（万元）')[0]).toMatchObject({ unitMultiplier: 10_000, currency: 'CNY' })
    expect(mapOne('opportunity', 'Amount (USD)')[0]).toMatchObject({ unitMultiplier: null, currency: 'USD' })
    expect(mapOne('opportunity', 'Deal value (in thousands)')[0]).toMatchObject({ unitMultiplier: 1_000 })
    expect(mapOne('opportunity', '预计金额 单位：亿元')[0]).toMatchObject({ unitMultiplier: 100_000_000 })
    expect(mapOne('opportunity', '金额')[0]).toMatchObject({ unitMultiplier: null, currency: null })
  })

  it('offers the contract’s column types for every target', () => {
    for (const entity of ['opportunity', 'lead', 'account', 'contact'] as const) {
      for (const { target } of importTargets(entity)) expect(target.type, `${entity}.${target.key}`).toBeTruthy()
    }
    expect(importTargets('opportunity').find((t) => t.target.key === 'stageId')?.target.type).toBe('stage')
  })
})

describe('layout fingerprints', () => {
  it('recognises a layout whatever its column order or required-markers', () => {
    const base = layoutFingerprint(['公司名称', '联系人', '电话'])
    expect(layoutFingerprint(['电话', '公司名称', '联系人'])).toBe(base)
    expect(layoutFingerprint(['公司名称（必填）', '联系人 *', ' 电话 '])).toBe(base)
    expect(layoutFingerprint(['公司名称', '联系人', '电话', '邮箱'])).not.toBe(base)
  })

  it('tells layouts apart when a unit changes what the numbers mean', () => {
    expect(layoutFingerprint(['商机名称', '预计金额（万元）'])).not.toBe(layoutFingerprint(['商机名称', '预计金额（元）']))
  })

  it('recognises both versions of the zgh01640 template as one layout', async () => {
    const v1 = await tableOf('chinese-crm-templates/zgh01640-crypto-Insight/商机导入模板.xlsx', '商机数据')
    // The later version holds a header and a hint row only, so take its header row as it stands.
    const v2 = sheetNamed(await workbookOf('chinese-crm-templates/zgh01640-crypto-Insight/excel/商机导入模板.xlsx'), '商机数据')
    const fingerprint = layoutFingerprint(v1.columns.map((c) => c.header))
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/)
    expect(layoutFingerprint(v2.rows[0]!.map(String))).toBe(fingerprint)
  })
})
