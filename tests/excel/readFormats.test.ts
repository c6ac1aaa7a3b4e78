import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { coerceDate, coerceDateTime, coerceForColumn } from '../../shared/coerce'
import { readWorkbook, type WorkbookFormat } from '../../electron/core/excel'
import { fixturePath, sheetNamed, workbookOf } from './helpers'

describe('reading every format by its bytes', () => {
  it.each<[string, WorkbookFormat, string]>([
    ['sheetjs-test-files/sheet_visibility.xlsx', 'xlsx', 'Visible'],
    ['sheetjs-test-files/sheet_visibility_strict.xlsx', 'xlsx', 'Visible'],
    ['sheetjs-test-files/BlankSheetTypes.xlsm', 'xlsx', ''],
    ['sheetjs-test-files/sheet_visibility.xlsb', 'xlsb', 'Visible'],
    ['sheetjs-test-files/sheet_visibility.xls', 'xls', 'Visible'],
    ['sheetjs-test-files/sheet_visibility5.xls', 'xls', 'Visible'],
    ['sheetjs-test-files/crlf/CRLFX5_2.XLS', 'xls', 'Sheet1'],
    ['sheetjs-test-files/crlf/CRLFX5_4.XLS', 'xls', 'Sheet1'],
    ['sheetjs-test-files/wps/fn.et', 'xls', 'Sheet1'],
    ['sheetjs-test-files/merge_cells.ods', 'ods', 'Merge'],
    ['sheetjs-test-files/crlf/crlf.fods', 'fods', 'Sheet1'],
    ['sheetjs-test-files/sheet_visibility.xml', 'spreadsheetml', 'Visible'],
    ['sheetjs-test-files/column_width.htm', 'html', 'Sheet1'],
    ['sheetjs-test-files/minimal_112.tsv', 'csv', 'minimal_112'],
    ['sheetjs-test-files/text_and_numbers.txt', 'csv', 'text_and_numbers'],
    ['calamine-tests/issue_530.xlsx', 'xlsx', '出勤分类组织汇总表'],
  ])('%s is %s', async (file, format, firstSheet) => {
    const result = await readWorkbook(fs.readFileSync(fixturePath(file)), file)
    if (firstSheet === '') return expect(result).toMatchObject({ ok: false, failure: { code: 'EMPTY_WORKBOOK' } })
    expect(result).toMatchObject({ ok: true, workbook: { format } })
    if (result.ok) expect(result.workbook.sheets[0]?.name).toBe(firstSheet)
  })

  it('trusts bytes over names: a CSV called .xls, an .xlsx called .xls', async () => {
    const csv = await readWorkbook(Buffer.from('客户名称,金额\n华东精密,120000\n'), '导出.xls')
    expect(csv).toMatchObject({ ok: true, workbook: { format: 'csv', sheets: [{ rows: [['客户名称', '金额'], ['华东精密', '120000']] }] } })
    const xlsx = await readWorkbook(fs.readFileSync(fixturePath('sheetjs-test-files/1904/1900.xlsx')), 'renamed.xls')
    expect(xlsx).toMatchObject({ ok: true, workbook: { format: 'xlsx' } })
  })

  it('flags hidden and very hidden sheets, and leaves chart sheets out', async () => {
    const workbook = await workbookOf('calamine-tests/any_sheets.xlsx')
    expect(workbook.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Visible', false],
      ['Hidden', true],
      ['VeryHidden', true],
    ])
  })

  it('reports merged blocks with the value in their top-left cell', async () => {
    const sheet = sheetNamed(await workbookOf('sheetjs-test-files/merge_cells.xlsx'))
    expect(sheet.merges).toContainEqual({ top: 0, left: 0, bottom: 1, right: 1 })
    expect(sheet.rows[0]?.[0]).toBe('A1:B2')
    expect(sheet.rows[0]?.[1] ?? null).toBeNull()
  })

  it('keeps a formula’s cached value and turns error values into typed cell errors', async () => {
    const sheet = sheetNamed(await workbookOf('sheetjs-test-files/ErrorTypes.xlsx'))
    expect(sheet.rows.slice(1, 8).map((row) => row[0])).toEqual(
      ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A'].map((error) => ({ error })),
    )
    expect(sheet.rows[1]?.[2]).toBe('#NULL?')
    expect(coerceForColumn('currency', sheet.rows[2]![0])).toEqual({ ok: false, reason: 'CELL_ERROR' })
    expect(coerceForColumn('text', sheet.rows[2]![2])).toEqual({ ok: true, value: '#DIV/0?' })
  })

  it('reads Mac Excel’s CR-only CSV, whose error values are text the coercers still recognise', async () => {
    const sheet = sheetNamed(await workbookOf('sheetjs-test-files/ErrorTypes.csv'))
    expect(sheet.rows).toHaveLength(14)
    expect(sheet.rows[2]?.slice(0, 4)).toEqual(['#DIV/0!', '#DIV/0!', '#DIV/0?', '#DIV/0'])
    expect(coerceForColumn('number', sheet.rows[2]![0])).toEqual({ ok: false, reason: 'CELL_ERROR' })
  })

  it('keeps line breaks inside quoted CSV fields and drops the BOM', async () => {
    const workbook = await workbookOf('sheetjs-test-files/crlf/crlf.csv')
    expect(workbook.text?.encoding).toBe('utf-8')
    const cells = workbook.sheets[0]!.rows.flat().filter((v): v is string => typeof v === 'string')
    expect(cells.some((v) => /\n/.test(v))).toBe(true)
    expect(cells.every((v) => !v.startsWith('\ufeff'))).toBe(true)
    expect(sheetNamed(await workbookOf('sheetjs-test-files/sushi.xlsx.0.csv')).rows).toEqual([['🍣']])
  })

  it('reads UTF-16LE "Unicode text" with tabs', async () => {
    const workbook = await workbookOf('sheetjs-test-files/text_and_numbers.txt')
    expect(workbook.text).toEqual({ encoding: 'utf-16le', delimiter: '\t' })
    expect(workbook.sheets[0]!.rows.flat().some((v) => typeof v === 'string' && /[\u0590-\u05ff]/.test(v))).toBe(true)
  })

  it('decodes GBK and UTF-8 copies of one file to the same text', async () => {
    const gbk = await workbookOf('csv-encodings/Lenny-Hu-csv2json/test/gbk.csv')
    const utf8 = await workbookOf('csv-encodings/Lenny-Hu-csv2json/test/utf8.csv')
    expect(gbk.text?.encoding).toBe('gb18030')
    expect(utf8.text?.encoding).toBe('utf-8')
    // The copies differ in one cell: the UTF-8 file lost 少林寺 from its last row.
    const [gbkRows, utf8Rows] = [gbk.sheets[0]!.rows, utf8.sheets[0]!.rows]
    expect(gbkRows.slice(0, 4)).toEqual(utf8Rows.slice(0, 4))
    expect(gbkRows[4]).toEqual([...utf8Rows[4]!, '少林寺'])
    expect(gbkRows[1]).toContain('张三')
  })

  it('reads Latin-1 files as Latin-1, not as GBK', async () => {
    for (const file of ['CSV-basic-ISO-8859-1.CRLF.csv', 'CSV-basic-ISO-8859-1.LF.csv']) {
      const workbook = await workbookOf(`csv-encodings/CharlesNepote-CSV-test-files/${file}`)
      expect(workbook.text?.encoding).toBe('windows-1252')
      expect(workbook.sheets[0]!.rows[3]).toEqual(['Hélène', 'Mahé', '42'])
    }
  })

  it('reads UTF-8 without a BOM and keeps long codes as text', async () => {
    const sheet = sheetNamed(await workbookOf('chinese-crm-templates/chengxiaofeng360-design-aicustomer/客户导入模板.csv'))
    expect(sheet.rows[0]?.[0]).toBe('客户名称')
    expect(sheet.rows.flat()).toContain('440101199001011234')
    expect(sheet.rows).toHaveLength(4)
  })

  it('shows the same dates in 1900- and 1904-system workbooks as Excel does', async () => {
    for (const file of ['1900.xls', '1904.xls', '1900.xlsx', '1904.xlsx', '1904.ods']) {
      const workbook = await workbookOf(`sheetjs-test-files/1904/${file}`)
      expect(workbook.date1904).toBe(file.startsWith('1904'))
      for (const [serial, dateCell, shown] of workbook.sheets[0]!.rows) {
        // Column B is a date cell, column A the same serial as a plain number, column C what Excel displays.
        expect(coerceDate(dateCell)).toEqual({ ok: true, value: shown })
        expect(coerceDate(serial, { date1904: workbook.date1904 })).toEqual({ ok: true, value: shown })
      }
    }
  })

  it('reads ISO date cells (t="d") written by openpyxl and SheetJS', async () => {
    const sheet = sheetNamed(await workbookOf('calamine-tests/date_iso.xlsx'))
    expect(coerceDate(sheet.rows[0]![0])).toEqual({ ok: true, value: '2021-01-01' })
    expect(coerceDateTime(sheet.rows[1]![0], { utcOffsetMinutes: 0 })).toEqual({ ok: true, value: '2021-01-01T10:10:10.000Z' })
  })

  it('reads date-time text as a report system writes it', async () => {
    const sheet = sheetNamed(await workbookOf('calamine-tests/OOM_alloc2.xls'))
    expect(sheet.rows[1]?.[2]).toBe('9/15/2000 00:00:00')
    expect(coerceDateTime(sheet.rows[1]![2], { utcOffsetMinutes: -300 })).toEqual({ ok: true, value: '2000-09-15T05:00:00.000Z' })
  })

  it('bounds work by real cells: a declared A1:XFD1048576 or A1:B65536 costs nothing', async () => {
    const started = Date.now()
    expect(sheetNamed(await workbookOf('calamine-tests/issue_174.xlsx')).rows).toHaveLength(2)
    expect(sheetNamed(await workbookOf('sheetjs-test-files/crlf/CRLFR9.XLS')).rows).toHaveLength(2)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('drops the 819 formatted-but-empty rows under a template’s sample', async () => {
    expect(sheetNamed(await workbookOf('chinese-crm-templates/MrBigGreen-CRM/客户导入模板.xls')).rows).toHaveLength(2)
  })

  it('decodes legacy code pages and astral characters', async () => {
    expect(sheetNamed(await workbookOf('calamine-tests/issue219.xls')).name).toBe('工作表1')
    expect(sheetNamed(await workbookOf('sheetjs-test-files/sushi.xlsx')).rows).toEqual([['🍣']])
    const greek = await workbookOf('sheetjs-test-files/biff5/number_format_greek.xls')
    expect(greek.sheets.length).toBe(5)
  })

  it('reports progress through the phases', async () => {
    const phases: string[] = []
    await readWorkbook(fs.readFileSync(fixturePath('sheetjs-test-files/merge_cells.xlsx')), 'x.xlsx', {
      onProgress: (p) => phases.push(p.phase),
    })
    expect(phases).toEqual(['checking', 'parsing', 'collecting'])
  })
})
