import { describe, expect, it } from 'vitest'
import { detectTable } from '../../electron/core/excel'
import { readFixture, sheetNamed, sheetOf, tableOf, workbookOf } from './helpers'

const headers = (table: { columns: readonly { header: string }[] }) => table.columns.map((c) => c.header)

describe('finding the header row', () => {
  it('skips an HR export’s title and metadata rows, and starts where the table starts (issue_530)', async () => {
    const table = await tableOf('calamine-tests/issue_530.xlsx')
    expect(table.headerRowIndex).toBe(3)
    expect(table.columns[0]).toEqual({ index: 2, header: '领域' })
    expect(headers(table)).toHaveLength(12)
    expect(table.dataRows).toEqual([{ rowIndex: 4, values: ['集团IT平台', '集团IT平台', '技术中心', '基础能力', ' ', '9', '8', '12', '1', '0', '3', '2'] }])
  })

  it('finds a header below a note and blank rows (header-row.xlsx)', async () => {
    const table = await tableOf('calamine-tests/header-row.xlsx')
    expect(table.headerRowIndex).toBe(8)
    expect(headers(table)).toEqual(['Columns', 'Column A', 'Column B', 'Column C'])
    expect(table.dataRows).toEqual([{ rowIndex: 9, values: ['put data here', 1, 2, 3] }])
  })

  it('finds a small table floating in the middle of a sheet (temperature-in-middle.xlsx)', async () => {
    const table = await tableOf('calamine-tests/temperature-in-middle.xlsx')
    expect(table.headerRowIndex).toBe(3)
    expect(table.columns).toEqual([
      { index: 1, header: 'label' },
      { index: 2, header: 'value' },
    ])
    expect(table.dataRows.map((r) => r.values)).toEqual([
      ['celsius', 22.2222],
      ['fahrenheit', 72],
    ])
  })

  it('skips the 必填，从下拉选择 hint row under a template’s header', async () => {
    const table = await tableOf('chinese-crm-templates/zgh01640-crypto-Insight/商机导入模板.xlsx', '商机数据')
    expect(table.headerRowIndex).toBe(0)
    expect(table.skippedRows).toEqual([{ rowIndex: 1, reason: 'hint' }])
    expect(table.dataRows.map((r) => r.values[0])).toEqual(['某市智慧城管平台', 'XX集团数字化转型项目', '智慧工地管理系统', '供应链金融平台'])
  })

  it('skips a 必填 row that a template puts last, after its sample row', async () => {
    const table = await tableOf('chinese-crm-templates/MrBigGreen-CRM/SourseCode/App/up/Files/客户导入模板.xlsx')
    expect(table.dataRows).toHaveLength(1)
    expect(table.skippedRows).toEqual([{ rowIndex: 2, reason: 'hint' }])
  })

  it('ignores 819 formatted-but-empty rows', async () => {
    const table = await tableOf('chinese-crm-templates/MrBigGreen-CRM/客户导入模板.xls')
    expect(table.dataRows).toHaveLength(1)
    expect(headers(table)).toHaveLength(18)
  })

  it('says so when there is no header, no data, or nothing at all', async () => {
    expect(detectTable(sheetNamed(await workbookOf('calamine-tests/no-header.xlsx')))).toMatchObject({
      ok: false,
      failure: { code: 'NO_HEADER_ROW' },
    })
    for (const headerOnly of [
      'chinese-crm-templates/zgh01640-crypto-Insight/excel/商机导入模板.xlsx',
      'chinese-crm-templates/MrBigGreen-CRM/Project/Offertech.Application/Offertech.Application.Web/Resource/ExcelTemplate/合同导入模板.xls',
    ]) {
      expect(detectTable(sheetNamed(await workbookOf(headerOnly))), headerOnly).toMatchObject({ ok: false, failure: { code: 'NO_DATA_ROWS' } })
    }
    const report = await workbookOf('chinese-crm-templates/MrBigGreen-CRM/Documents/欧孚CRM原型图/销售业绩汇总表.xlsx')
    expect(detectTable(sheetNamed(report, 'Sheet3'))).toMatchObject({ ok: false, failure: { code: 'SHEET_EMPTY' } })
  })

  it('refuses a sheet that was cut at the row limit', async () => {
    const result = await readFixture('maven-crm-sales-opportunities/original-zip/sales_pipeline.csv', { limits: { maxDataRows: 100 } })
    if (!result.ok) expect.fail(result.failure.code)
    expect(detectTable(result.workbook.sheets[0]!)).toMatchObject({ ok: false, failure: { code: 'TOO_MANY_ROWS' } })
  })
})

describe('layouts people make', () => {
  it('reads a two-row header through its merged cells', () => {
    const sheet = sheetOf(
      [
        ['客户名称', '联系方式', null, '金额'],
        [null, '电话', '邮箱', null],
        ['华东精密', '13800138000', 'a@b.cn', 120000],
      ],
      [
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 0, right: 2 },
        { top: 0, left: 3, bottom: 1, right: 3 },
      ],
    )
    const result = detectTable(sheet)
    expect(result).toMatchObject({ ok: true, table: { headerRowIndex: 1 } })
    if (result.ok) expect(headers(result.table)).toEqual(['客户名称', '电话', '邮箱', '金额'])
  })

  it('gives a merged label to every row it spans, but never copies a merged number', () => {
    const sheet = sheetOf(
      [
        ['客户名称', '联系人', '合同金额'],
        ['华东精密', '张三', 300000],
        [null, '李四', null],
        ['华南电子', '王五', 5000],
      ],
      [
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 2, bottom: 2, right: 2 },
      ],
    )
    const result = detectTable(sheet)
    expect(result.ok && result.table.dataRows.map((r) => r.values)).toEqual([
      ['华东精密', '张三', 300000],
      ['华东精密', '李四', null],
      ['华南电子', '王五', 5000],
    ])
  })

  it('skips blank columns, blank rows, total rows and repeated headers', () => {
    const sheet = sheetOf([
      ['2025 年商机清单'],
      [],
      [null, '商机名称', null, '金额', '阶段'],
      [null, '一期', null, 100, '报价'],
      [],
      [null, '商机名称', null, '金额', '阶段'],
      [null, '二期', null, 200, '赢单'],
      [null, '合计', null, 300],
    ])
    const result = detectTable(sheet)
    if (!result.ok) expect.fail(result.failure.code)
    expect(result.table.headerRowIndex).toBe(2)
    expect(result.table.columns.map((c) => c.index)).toEqual([1, 3, 4])
    expect(result.table.dataRows.map((r) => [r.rowIndex, ...r.values])).toEqual([
      [3, '一期', 100, '报价'],
      [6, '二期', 200, '赢单'],
    ])
    expect(result.table.skippedRows).toEqual([
      { rowIndex: 5, reason: 'header' },
      { rowIndex: 7, reason: 'total' },
    ])
  })

  it('keeps a column that has data but no header, for the person to name', () => {
    const result = detectTable(sheetOf([['客户', '金额'], ['甲', 1, '备用电话 13800138000']]))
    expect(result.ok && result.table.columns).toEqual([
      { index: 0, header: '客户' },
      { index: 1, header: '金额' },
      { index: 2, header: '' },
    ])
  })

  it('finds the header of a one-column list when it names a field', () => {
    const result = detectTable(sheetOf([['客户名称'], ['华东精密'], ['华南电子']]))
    expect(result).toMatchObject({ ok: true, table: { headerRowIndex: 0, columns: [{ index: 0, header: '客户名称' }] } })
  })
})
