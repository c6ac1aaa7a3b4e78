import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { workbookBuffer, writeWorkbook, type SheetSpec } from '../../electron/core/excel/write'
import { readForImport } from '../../electron/core/services/imports/read/readFile'
import { tempDir } from '../helpers/workspace'
import { readBack, rowsOfSheet, xlsxPart } from './helpers'

const deals: SheetSpec = {
  name: '商机',
  columns: [
    { key: 'id', header: 'id', type: 'number', hidden: true },
    { key: 'name', header: '商机名称', type: 'text' },
    { key: 'amount', header: '金额', type: 'currency', currency: { field: 'currency' } },
    { key: 'probability', header: '赢率', type: 'percent' },
    { key: 'close', header: '预计成交日期', type: 'date' },
    { key: 'at', header: '创建时间', type: 'datetime' },
    { key: 'won', header: '赢单', type: 'boolean' },
    { key: 'stage', header: '阶段', type: 'stage', options: ['初步接洽', '报价', '赢单'] },
  ],
  rows: [
    { id: 7, name: '华东制造 ERP 升级项目（一期）', amount: 1_200_000.5, currency: 'CNY', probability: 60, close: '2026-03-01', at: '2026-11-20T08:30:00.000Z', won: false, stage: '报价' },
    { id: 8, name: 'US deal', amount: 3000.5, currency: 'USD', probability: 5, close: null, at: null, won: true, stage: '赢单' },
  ],
}

describe('the formatted workbook writer', () => {
  it('freezes the header row, adds a filter, fits widths, and folds hidden columns away', async () => {
    const buffer = await workbookBuffer([deals])
    const sheetXml = xlsxPart(buffer, 'xl/worksheets/sheet1.xml')
    expect(sheetXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>')
    expect(sheetXml).toContain('<autoFilter ref="A1:H3"/>')
    expect(xlsxPart(buffer, 'xl/workbook.xml')).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'商机'!$A$1:$H$3</definedName>`)
    const cols = readBack(buffer).Sheets['商机']!['!cols']!
    expect(cols[0]!.hidden).toBe(true)
    // 14 CJK characters and punctuation count double: the name column is wide enough to read.
    expect(cols[1]!.width).toBeGreaterThanOrEqual(30)
    expect(cols[4]!.width).toBeGreaterThanOrEqual(12)
    expect(sheetXml).toMatch(/<c r="A1" t="inlineStr" s="1">/)
  })

  it('writes real dates, amounts in their currency format, percentages and booleans', async () => {
    const sheet = readBack(await workbookBuffer([deals])).Sheets['商机']!
    expect(sheet.C2).toMatchObject({ t: 'n', v: 1_200_000.5, z: '"¥"#,##0.00' })
    expect(sheet.C3).toMatchObject({ t: 'n', v: 3000.5, z: '"$"#,##0.00' })
    expect(sheet.D2).toMatchObject({ t: 'n', v: 0.6, z: '0%' })
    expect(sheet.E2).toMatchObject({ t: 'd', z: 'yyyy-mm-dd' })
    expect((sheet.E2!.v as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z')
    expect(sheet.F2!.z).toBe('yyyy-mm-dd hh:mm')
    expect(sheet.G3).toMatchObject({ t: 'b', v: true })
    expect(sheet.E3).toBeUndefined()
  })

  it('puts dropdown lists on a very hidden sheet and validates the column against them', async () => {
    const buffer = await workbookBuffer([deals])
    expect(xlsxPart(buffer, 'xl/workbook.xml')).toContain('<sheet name="_lists" sheetId="2" state="veryHidden" r:id="rId2"/>')
    expect(xlsxPart(buffer, 'xl/worksheets/sheet1.xml')).toContain(
      `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="H2:H1048576"><formula1>'_lists'!$A$1:$A$3</formula1></dataValidation></dataValidations>`,
    )
    expect(rowsOfSheet(readBack(buffer), '_lists')).toEqual([['初步接洽'], ['报价'], ['赢单']])
  })

  it('writes text that would run as a formula as quoted text, and characters XML cannot hold as escapes', async () => {
    const texts = ['=1+1', '+86 138', '-5', '@cmd', '\ttab', '\rCR', 'ok', 'bell\u0007', 'a & <b>']
    const buffer = await workbookBuffer([{ name: 'T', columns: [{ key: 't', header: 't', type: 'text' }], rows: texts.map((t) => ({ t })) }])
    const cells = [...xlsxPart(buffer, 'xl/worksheets/sheet1.xml').matchAll(/<c r="A(\d+)"([^>]*)>/g)].slice(1)
    expect(cells.map((c) => c[2]!.includes('s="5"'))).toEqual([true, true, true, true, true, true, false, false, false])
    const read = await readForImport(buffer, 't.xlsx')
    expect(read.ok && read.workbook.sheets[0]!.rows.slice(1).map((r) => r[0])).toEqual(['=1+1', '+86 138', '-5', '@cmd', '\ttab', '\nCR', 'ok', 'bell\u0007', 'a & <b>'])
  })

  it('streams a large sheet to disk from a generator, and reads back every row', async () => {
    const file = path.join(tempDir(), 'big.xlsx')
    const rows = function* () {
      for (let i = 0; i < 30_000; i++) yield { n: i, name: `商机 ${i}`, amount: i * 1.5, day: '2026-01-01' }
    }
    const columns = [
      { key: 'n', header: 'n', type: 'number' as const },
      { key: 'name', header: 'name', type: 'text' as const },
      { key: 'amount', header: 'amount', type: 'currency' as const },
      { key: 'day', header: 'day', type: 'date' as const },
    ]
    await writeWorkbook([{ name: 'Big', columns, rows: rows() }], file)
    const read = await readForImport(fs.readFileSync(file), 'big.xlsx')
    expect(read.ok && read.workbook.sheets[0]!.rows.length).toBe(30_001)
    expect(read.ok && read.workbook.sheets[0]!.rows[30_000]).toEqual([29_999, '商机 29999', 44_998.5, new Date('2026-01-01T00:00:00.000Z')])
  })

  it('keeps sheet names Excel accepts: no forbidden characters, at most 31 characters, no repeats', async () => {
    const sheet = (name: string): SheetSpec => ({ name, columns: [{ key: 'a', header: 'a', type: 'text' }], rows: [] })
    const book = readBack(await workbookBuffer([sheet('a/b:c'), sheet('A/B:C'), sheet('很长的工作表名称'.repeat(5))]))
    expect(book.SheetNames).toEqual(['a b c', 'A B C~2', '很长的工作表名称'.repeat(5).slice(0, 31)])
  })
})
