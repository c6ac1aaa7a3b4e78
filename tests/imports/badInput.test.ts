import fs from 'node:fs'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { xlsxBomb } from '../excel/zipBomb'
import { fixturePath, importWorkspace, rowsOf, snapshot, xlsxOf } from './helpers'

type Workspace = Awaited<ReturnType<typeof importWorkspace>>

/** Tries the import both ways a person would (preview, then commit) and returns the refusal. */
async function refused(ws: Workspace, file: string, entity: 'opportunity' | 'lead' = 'opportunity') {
  const before = snapshot(ws)
  const preview = await ws.raw('imports.preview', { path: file, entity }, { locale: 'zh-CN', userId: null })
  const commit = await ws.raw('imports.commit', { path: file, entity }, { locale: 'en', userId: null })
  expect(snapshot(ws)).toBe(before)
  expect(preview.ok || commit.ok).toBe(false)
  const zh = preview.ok ? null : (preview.error as { code: string; message: string; details: { reason: string; message: string } })
  const en = commit.ok ? null : (commit.error as { code: string; message: string; details: { reason: string; message: string } })
  return { zh: zh!, en: en! }
}

const sheetOf = (cells: XLSX.WorkSheet) => {
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, cells, 'Sheet1')
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer
}

describe('bad input gets a clear message and leaves the database untouched', () => {
  it.each([
    ['calamine-tests/pass_protected.xlsx', 'ENCRYPTED', '文件设置了打开密码'],
    ['sheetjs-test-files/password_2002_40_xor.xls', 'ENCRYPTED', '文件设置了打开密码'],
    ['odoo/odoo15-fork-waqas36/crm_lead.xls', 'CORRUPT', '文件已损坏或不完整'],
    ['calamine-tests/empty_sheet.xlsx', 'EMPTY_WORKBOOK', '文件中没有任何数据'],
    ['chinese-crm-templates/zgh01640-crypto-Insight/excel/商机导入模板.xlsx', 'NO_DATA_ROWS', '表头下方没有数据行'],
    ['calamine-tests/too_small.xls', 'NOT_SPREADSHEET', '这不是表格文件'],
    ['sheetjs-test-files/word_doc.doc', 'NOT_SPREADSHEET', '这不是表格文件'],
    ['calamine-tests/issue_594_dos.ods', 'TOO_LARGE', '文件太大'],
    ['sheetjs-test-files/Attendance.numbers', 'UNSUPPORTED_FORMAT', '暂不支持该文件格式'],
  ])('%s → %s', async (fixture, reason, sentence) => {
    const ws = await importWorkspace()
    const { zh, en } = await refused(ws, ws.allow(fixturePath(fixture)))
    expect(zh).toMatchObject({ code: 'IMPORT_FILE_REFUSED', details: { reason } })
    expect(zh.details.message).toContain(sentence)
    expect(en.message).toBe('This file cannot be imported; the details say why. The database was not changed.')
    expect(en.details.message).toMatch(/^[A-Z]/)
  })

  it('a truncated workbook', async () => {
    const ws = await importWorkspace()
    const whole = fs.readFileSync(fixturePath('chinese-crm-templates/zgh01640-crypto-Insight/商机导入模板.xlsx'))
    const { en } = await refused(ws, ws.file('cut.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6))))
    expect(en.details).toMatchObject({ reason: 'CORRUPT', message: expect.stringContaining('damaged or incomplete') })
  })

  it('a zip bomb', async () => {
    const ws = await importWorkspace()
    const { en } = await refused(ws, ws.file('bomb.xlsx', await xlsxBomb(300, { lie: true })))
    expect(en.details.reason).toBe('TOO_LARGE')
  })

  it('a sheet of a million rows', async () => {
    const ws = await importWorkspace()
    const lines = ['商机名称,金额']
    for (let i = 0; i <= 1_000_000; i++) lines.push(`d${i},${i}`)
    const { zh } = await refused(ws, ws.file('million.csv', lines.join('\n')))
    expect(zh.details).toMatchObject({ reason: 'TOO_MANY_ROWS', message: expect.stringContaining('行数超出一次导入的上限') })
  })

  it('a sheet with only headers, and an empty sheet beside a real one', async () => {
    const ws = await importWorkspace()
    const { en } = await refused(ws, ws.file('headers.xlsx', await xlsxOf([['商机名称', '客户名称', '金额']])))
    expect(en.details.reason).toBe('NO_DATA_ROWS')
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), 'Empty')
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['商机名称'], ['A']]), 'Deals')
    const file = ws.file('two.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    expect((await ws.call('imports.inspect', { path: file, entity: 'opportunity' })).sheet).toBe('Deals')
    expect(await ws.raw('imports.preview', { path: file, entity: 'opportunity', sheet: 'Empty' })).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_FILE_REFUSED', details: { reason: 'SHEET_EMPTY' } },
    })
  })

  it('formulas import as their values; a formula error rejects its row and says so', async () => {
    const ws = await importWorkspace()
    const cells = XLSX.utils.aoa_to_sheet([['商机名称', '金额'], ['A', 0], ['B', 0]])
    cells.B2 = { t: 'n', v: 3000, f: 'SUM(1000,2000)' }
    cells.B3 = { t: 'e', v: 0x07, f: '1/0' }
    const report = await ws.call('imports.commit', { path: ws.file('formulas.xlsx', sheetOf(cells)), entity: 'opportunity' })
    expect(report.counts).toMatchObject({ create: 1, reject: 1 })
    expect(report.issues[0]).toMatchObject({ row: 3, column: '金额', value: '#DIV/0!', reason: 'CELL_ERROR' })
    expect(rowsOf(ws, 'SELECT name, amount FROM opportunities')).toEqual([{ name: 'A', amount: 3000 }])
  })

  it('merged cells: a merged header over its columns, a merged account over its deals', async () => {
    const ws = await importWorkspace()
    const cells = XLSX.utils.aoa_to_sheet([
      ['2026 年商机汇总', null, null],
      ['商机名称', '客户名称', '联系方式'],
      [null, null, '手机'],
      ['一期', '甲公司', '13800000001'],
      ['二期', null, '13800000002'],
      ['三期', null, '13800000003'],
    ])
    cells['!merges'] = [
      { s: { r: 0, c: 0 }, e: { r: 0, c: 2 } },
      { s: { r: 3, c: 1 }, e: { r: 5, c: 1 } },
    ]
    const file = ws.file('merged.xlsx', sheetOf(cells))
    const report = await ws.call('imports.commit', { path: file, entity: 'opportunity' })
    expect(report.counts.create).toBe(3)
    const accounts = rowsOf(ws, 'SELECT DISTINCT a.name FROM opportunities o JOIN accounts a ON a.id = o.account_id')
    expect(accounts).toEqual([{ name: '甲公司' }])
  })

  it('a file with the wrong extension is read by what it is', async () => {
    const ws = await importWorkspace()
    const xlsx = await xlsxOf([['商机名称', '金额'], ['A', '100']])
    expect((await ws.call('imports.preview', { path: ws.file('really-xlsx.csv', xlsx), entity: 'opportunity' })).counts.create).toBe(1)
    expect((await ws.call('imports.preview', { path: ws.file('really-csv.xls', '商机名称,金额\nA,100\n'), entity: 'opportunity' })).counts.create).toBe(1)
    const { en } = await refused(ws, ws.file('photo.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])))
    expect(en.details.reason).toBe('NOT_SPREADSHEET')
  })

  it('a path no dialog picked is refused before anything is read', async () => {
    const ws = await importWorkspace()
    const result = await ws.raw('imports.preview', { path: fixturePath('maven-crm-sales-opportunities/original-zip/sales_pipeline.csv'), entity: 'opportunity' })
    expect(result).toMatchObject({ ok: false, error: { code: 'PATH_NOT_ALLOWED' } })
  })
})
