import fs from 'node:fs'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { Locale } from '../../shared/enums'
import { ImportFailureCode, importFailureMessage, readWorkbook, type ReadResult } from '../../electron/core/excel'
import { fixturePath, readFixture } from './helpers'
import { odsRepeatBomb, xlsxBomb } from './zipBomb'

/** Reads and checks that the reader neither threw nor took long. */
async function timed(read: () => Promise<ReadResult>, withinMs = 5000): Promise<ReadResult> {
  const started = Date.now()
  const result = await read()
  expect(Date.now() - started).toBeLessThan(withinMs)
  return result
}

const zipOf = (files: Record<string, string>) => {
  const archive = XLSX.CFB.utils.cfb_new()
  for (const [name, text] of Object.entries(files)) XLSX.CFB.utils.cfb_add(archive, name, Buffer.from(text))
  return XLSX.CFB.write(archive, { fileType: 'zip', type: 'buffer', compression: true }) as Buffer
}

describe('files that cannot be imported say why, quickly, and never throw', () => {
  it.each([
    ['calamine-tests/pass_protected.xlsx', 'ENCRYPTED'],
    ['sheetjs-test-files/password_2002_40_xor.xls', 'ENCRYPTED'],
    ['sheetjs-test-files/password_2002_128_strong.xls', 'ENCRYPTED'],
    ['odoo/odoo12-fork-tamam001/crm_lead.xls', 'CORRUPT'],
    ['odoo/odoo15-fork-waqas36/crm_lead.xls', 'CORRUPT'],
    ['calamine-tests/OOM_alloc3.xls', 'CORRUPT'],
    ['calamine-tests/too_small.xls', 'NOT_SPREADSHEET'],
    ['sheetjs-test-files/word_doc.doc', 'NOT_SPREADSHEET'],
    ['odoo/odoo15-fork-waqas36/crm_lead_demo.xml', 'NOT_SPREADSHEET'],
    ['sheetjs-test-files/Attendance.numbers', 'UNSUPPORTED_FORMAT'],
    ['calamine-tests/issue_594_dos.ods', 'TOO_LARGE'],
    ['calamine-tests/empty_sheet.xlsx', 'EMPTY_WORKBOOK'],
    ['sheetjs-test-files/BlankSheetTypes.xlsm', 'EMPTY_WORKBOOK'],
    ['chinese-crm-templates/MrBigGreen-CRM/SourseCode/App/up/CallReport.xls', 'EMPTY_WORKBOOK'],
  ])('%s → %s', async (file, code) => {
    const result = await timed(() => readFixture(file))
    expect(result).toMatchObject({ ok: false, failure: { code } })
  })

  it('reads malformed-but-readable files instead of refusing them', async () => {
    for (const file of [
      'calamine-tests/issue_174.xlsx',
      'calamine-tests/issue_530.xlsx',
      'sheetjs-test-files/phpexcel_bad_cfb_dir.xls',
      'sheetjs-test-files/wtf_path.xlsx',
      'calamine-tests/gh548_incorrect_sst_unique_count.xls',
      'sheetjs-test-files/LO7322.fods',
    ]) {
      expect(await timed(() => readFixture(file)), file).toMatchObject({ ok: true })
    }
  })

  it('refuses empty, truncated and binary files', async () => {
    expect(await readWorkbook(new Uint8Array(), 'empty.xlsx')).toMatchObject({ ok: false, failure: { code: 'EMPTY_WORKBOOK' } })
    const xlsx = fs.readFileSync(fixturePath('sheetjs-test-files/merge_cells.xlsx'))
    expect(await readWorkbook(xlsx.subarray(0, xlsx.length / 2), 'cut.xlsx')).toMatchObject({ ok: false, failure: { code: 'CORRUPT' } })
    const xls = fs.readFileSync(fixturePath('sheetjs-test-files/merge_cells.xls'))
    expect((await readWorkbook(xls.subarray(0, 3000), 'cut.xls')).ok).toBe(false)
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    expect(await readWorkbook(png, 'photo.xlsx')).toMatchObject({ ok: false, failure: { code: 'NOT_SPREADSHEET' } })
  })

  it('refuses other documents and archives dressed as workbooks', async () => {
    const docx = zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })
    expect(await readWorkbook(docx, 'report.xlsx')).toMatchObject({ ok: false, failure: { code: 'NOT_SPREADSHEET' } })
    const odt = zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' })
    expect(await readWorkbook(odt, 'letter.ods')).toMatchObject({ ok: false, failure: { code: 'NOT_SPREADSHEET' } })
    const photos = zipOf({ 'a.jpg': 'not really' })
    expect(await readWorkbook(photos, 'photos.xlsx')).toMatchObject({ ok: false, failure: { code: 'NOT_SPREADSHEET' } })
    const html = Buffer.from('<?xml version="1.0"?><note><to>Tove</to></note>')
    expect(await readWorkbook(html, 'note.xls')).toMatchObject({ ok: false, failure: { code: 'NOT_SPREADSHEET' } })
  })

  it('refuses a zip bomb by its declared size before inflating anything', async () => {
    const bomb = await xlsxBomb(600)
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024)
    const result = await timed(() => readWorkbook(bomb, 'bomb.xlsx'), 1000)
    expect(result).toMatchObject({ ok: false, failure: { code: 'TOO_LARGE' } })
  })

  it('refuses a zip bomb that lies about its sizes, inflating it as a stream', async () => {
    const bomb = await xlsxBomb(400, { lie: true })
    const heapBefore = process.memoryUsage().heapUsed
    const result = await timed(() => readWorkbook(bomb, 'bomb.xlsx'), 15_000)
    expect(result).toMatchObject({ ok: false, failure: { code: 'TOO_LARGE' } })
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024)
  })

  it('refuses an ODS whose one cell repeats 999,999,999² times, before any parser expands it', async () => {
    const result = await timed(() => readWorkbook(odsRepeatBomb(999_999_999, 999_999_999), 'dos.ods'), 1000)
    expect(result).toMatchObject({ ok: false, failure: { code: 'TOO_LARGE' } })
    expect(await readWorkbook(odsRepeatBomb(2, 3), 'fine.ods')).toMatchObject({
      ok: true,
      workbook: { format: 'ods', sheets: [{ rows: [['X', 'X', 'X'], ['X', 'X', 'X']] }] },
    })
  })

  it('applies configurable limits to files, cells and rows', async () => {
    const pipeline = 'maven-crm-sales-opportunities/original-zip/sales_pipeline.csv'
    expect(await readFixture(pipeline, { limits: { maxFileBytes: 1000 } })).toMatchObject({ ok: false, failure: { code: 'TOO_LARGE' } })
    expect(await readFixture(pipeline, { limits: { maxCells: 10_000 } })).toMatchObject({ ok: false, failure: { code: 'TOO_LARGE' } })
    expect(await readFixture('sheetjs-test-files/large_strings.xlsx', { limits: { maxCells: 10_000 } })).toMatchObject({
      ok: false,
      failure: { code: 'TOO_LARGE' },
    })
    const capped = await readFixture(pipeline, { limits: { maxDataRows: 100 } })
    expect(capped).toMatchObject({ ok: true, workbook: { sheets: [{ truncated: true }] } })
    const xlsxCapped = await readFixture('sheetjs-test-files/large_strings.xlsx', { limits: { maxDataRows: 100 } })
    expect(xlsxCapped.ok && xlsxCapped.workbook.sheets.map((s) => s.truncated)).toEqual([true, false, true])
  })

  it('has a sentence in each language for every failure', () => {
    for (const code of ImportFailureCode.options) {
      for (const locale of Locale.options) expect(importFailureMessage(code, locale).length).toBeGreaterThan(4)
    }
  })
})
