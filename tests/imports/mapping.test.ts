import { describe, expect, it } from 'vitest'
import { csvOf, fixturePath, importWorkspace, rowsOf, xlsxOf } from './helpers'

const targets = (columns: { header: string; target: string | null }[]) => Object.fromEntries(columns.map((c) => [c.header, c.target]))

describe('mapping columns to fields', () => {
  it('maps the Maven pipeline export: the other system’s key, owner, product, account, stage, dates, value', async () => {
    const ws = await importWorkspace()
    const file = ws.allow(fixturePath('maven-crm-sales-opportunities/original-zip/sales_pipeline.csv'))
    const inspection = await ws.call('imports.inspect', { path: file, entity: 'opportunity' })
    expect(inspection).toMatchObject({ format: 'csv', encoding: 'utf-8', headerRow: 1, dataRows: 8800, template: null })
    expect(targets(inspection.columns)).toEqual({
      opportunity_id: 'externalId',
      sales_agent: 'ownerId',
      product: 'productLine',
      account: 'accountName',
      deal_stage: 'stageId',
      engage_date: 'createdDate',
      close_date: 'expectedCloseDate',
      close_value: 'amount',
    })
    expect(inspection.columns[0]!.samples).toEqual(['1C1I7A6R', 'Z063OYW0', 'EC4QE1BX', 'MV1LWRNH', 'PE84CX4O'])
    expect(inspection.targets.find((t) => t.key === 'name')).toMatchObject({ labelZh: '商机名称', required: true })
  })

  it('maps the Salesforce opportunity export’s API names', async () => {
    const ws = await importWorkspace()
    const file = ws.allow(fixturePath('salesforce-sample-export/Opportunity.csv'))
    const mapped = targets((await ws.call('imports.inspect', { path: file, entity: 'opportunity' })).columns)
    expect(mapped).toMatchObject({
      Id: 'externalId',
      AccountId: null,
      Name: 'name',
      Description: 'notes',
      StageName: 'stageId',
      Amount: 'amount',
      Probability: 'probability',
      CloseDate: 'expectedCloseDate',
      NextStep: 'nextStep',
      LeadSource: 'source',
      CreatedDate: 'createdDate',
      IsWon: null,
    })
  })

  it('reads a Chinese template: the header under its hint row, amounts in 万元, stages created on request', async () => {
    const ws = await importWorkspace()
    const file = ws.allow(fixturePath('chinese-crm-templates/zgh01640-crypto-Insight/商机导入模板.xlsx'))
    const inspection = await ws.call('imports.inspect', { path: file, entity: 'opportunity' })
    expect(inspection).toMatchObject({ sheet: '商机数据', headerRow: 1, dataRows: 4 })
    const amount = inspection.columns.find((c) => c.target === 'amount')!
    expect(amount).toMatchObject({ header: '预计金额（万元）', unitMultiplier: 10_000 })
    expect(targets(inspection.columns)).toMatchObject({ 商机名称: 'name', 商机阶段: 'stageId', 预计达成时间: 'expectedCloseDate', 备注: 'notes' })
    const report = await ws.call('imports.commit', { path: file, entity: 'opportunity', onUnknown: 'create' })
    expect(report.counts).toMatchObject({ create: 4, reject: 0 })
    expect(report.creates.stages).toEqual(['线索', '立项', '签约跟进'])
    const amounts = rowsOf(ws, 'SELECT amount FROM opportunities ORDER BY id').map((r) => r.amount)
    expect(amounts.every((a) => a === null || (a as number) >= 10_000)).toBe(true)
  })

  it('reads lead templates: trailing tabs in phones, required markers in headers, unknown regions created on request', async () => {
    const ws = await importWorkspace()
    const fangbao = ws.allow(fixturePath('chinese-crm-templates/fangbao-0418-crm/src/assets/files/商机导入模板.xlsx'))
    const inspection = await ws.call('imports.inspect', { path: fangbao, entity: 'lead' })
    expect(inspection.columns.find((c) => c.target === 'company')!.header).toBe('公司名称（必填）')
    await ws.call('imports.commit', { path: fangbao, entity: 'lead' })
    expect(rowsOf(ws, 'SELECT phone FROM leads')).toEqual([{ phone: '02152534888' }])

    const kevin = ws.allow(fixturePath('chinese-crm-templates/Kevin-Hu88-lead-system/客户导入模板.xlsx'))
    expect(targets((await ws.call('imports.inspect', { path: kevin, entity: 'lead' })).columns)).toMatchObject({
      名称: 'company',
      联系人: 'contactName',
      电话: 'phone',
      邮箱: 'email',
      区域: 'region',
      需求: 'productInterest',
      备注: 'notes',
    })
    const report = await ws.call('imports.commit', { path: kevin, entity: 'lead', onUnknown: 'create' })
    expect(report.counts.create).toBe(3)
    expect(report.creates.picklistValues.map((p) => p.label)).toEqual(['上海浦东', '上海闵行', '上海松江'])
  })

  it('reads legacy .xls and OpenDocument .ods workbooks the same way', async () => {
    const ws = await importWorkspace()
    const xls = ws.allow(fixturePath('chinese-crm-templates/MrBigGreen-CRM/客户导入模板.xls'))
    const inspection = await ws.call('imports.inspect', { path: xls, entity: 'account' })
    expect(inspection).toMatchObject({ format: 'xls', dataRows: 1 })
    expect(targets(inspection.columns)).toMatchObject({ 客户名称: 'name', 所属行业: 'industry', 联系人: 'contactName', 手机号码: 'phone', 官网: 'website' })
    const report = await ws.call('imports.commit', { path: xls, entity: 'account', onUnknown: 'create' })
    expect(report.counts).toMatchObject({ create: 1, reject: 0 })
    expect(rowsOf(ws, 'SELECT count(*) AS n FROM contacts')[0]!.n).toBe(1)

    const { default: XLSX } = await import('xlsx')
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['公司', '来源'], ['开放文档公司', '展会']]), '线索')
    const ods = ws.file('leads.ods', XLSX.write(book, { type: 'buffer', bookType: 'ods' }) as Buffer)
    expect((await ws.call('imports.commit', { path: ods, entity: 'lead' })).counts.create).toBe(1)
  })

  it('takes the person’s mapping: a column left out, a custom field, and refuses a field mapped twice', async () => {
    const ws = await importWorkspace()
    const file = ws.file('accounts.csv', csvOf([['客户', '级别', '忽略我'], ['甲公司', 'A', 'x']]))
    const inspection = await ws.call('imports.inspect', { path: file, entity: 'account' })
    const mapping = inspection.columns.map((c) => ({ index: c.index, header: c.header, target: c.header === '级别' ? 'custom:客户级别' : c.target === 'name' ? 'name' : null }))
    await ws.call('imports.commit', { path: file, entity: 'account', mapping })
    expect(rowsOf(ws, 'SELECT name, custom FROM accounts')).toEqual([{ name: '甲公司', custom: '{"客户级别":"A"}' }])

    const twice = mapping.map((m) => ({ ...m, target: 'name' }))
    expect(await ws.raw('imports.preview', { path: file, entity: 'account', mapping: twice })).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_MAPPING_INVALID', details: { problems: ['name mapped twice', 'name mapped twice'] } },
    })
    const unknown = [{ index: 0, header: '客户', target: 'shoeSize' }]
    expect(await ws.raw('imports.preview', { path: file, entity: 'account', mapping: unknown })).toMatchObject({ ok: false, error: { code: 'IMPORT_MAPPING_INVALID' } })
  })

  it('saves a mapping as a template and recognises the layout next time, whatever the column order', async () => {
    const ws = await importWorkspace()
    const first = ws.file('march.xlsx', await xlsxOf([['项目', '甲方', '合同额（万元）', '说明'], ['一期', '甲公司', '12', '首单']]))
    const inspection = await ws.call('imports.inspect', { path: first, entity: 'opportunity' })
    const chosen: Record<string, string> = { 项目: 'name', 甲方: 'accountName', '合同额（万元）': 'amount', 说明: 'custom:说明' }
    const mapping = inspection.columns.map((c) => ({
      index: c.index,
      header: c.header,
      target: chosen[c.header]!,
      unitMultiplier: c.header === '合同额（万元）' ? 10_000 : null,
    }))
    const report = await ws.call('imports.commit', { path: first, entity: 'opportunity', mapping, saveTemplateAs: '月度商机表' })
    expect(report.counts.create).toBe(1)
    const [template] = await ws.call('imports.templates.list', { entity: 'opportunity' })
    expect(template).toMatchObject({ name: '月度商机表', fingerprint: inspection.fingerprint })

    const april = ws.file('april.xlsx', await xlsxOf([['说明', '合同额（万元）', '甲方', '项目'], ['续单', '30', '乙公司', '二期']]))
    const recognised = await ws.call('imports.inspect', { path: april, entity: 'opportunity' })
    expect(recognised.template).toEqual({ id: template!.id, name: '月度商机表' })
    expect(recognised.fingerprint).toBe(inspection.fingerprint)
    expect(targets(recognised.columns)).toEqual({ 说明: 'custom:说明', '合同额（万元）': 'amount', 甲方: 'accountName', 项目: 'name' })
    await ws.call('imports.commit', { path: april, entity: 'opportunity' })
    expect(rowsOf(ws, "SELECT o.amount, a.name AS account FROM opportunities o JOIN accounts a ON a.id = o.account_id WHERE o.name = '二期'")).toEqual([
      { amount: 300_000, account: '乙公司' },
    ])

    await ws.call('imports.templates.delete', { id: template!.id })
    expect((await ws.call('imports.inspect', { path: april, entity: 'opportunity' })).template).toBeNull()
  })
})
