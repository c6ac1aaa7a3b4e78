import fs from 'node:fs'
import path from 'node:path'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { RECORD_ID_HEADER } from '../../shared/methods/imports'
import { importWorkspace, rowsOf } from '../imports/helpers'
import { readBack, rowsOfSheet, xlsxPart } from './helpers'

async function demoWorkspace() {
  const ws = await importWorkspace()
  await ws.call('workspace.loadDemo', { scale: 300 })
  return ws
}

const openDealsByAmount = {
  entity: 'opportunity' as const,
  filters: [{ column: 'stageKind' as const, op: 'in' as const, value: ['open'] }],
  sort: [{ column: 'amount' as const, desc: true }],
}

describe('exporting a grid as shown, and importing it back', () => {
  it('writes the filtered, sorted rows with the visible columns in order and the record id hidden first', async () => {
    const ws = await demoWorkspace()
    const columns = ['name', 'accountName', 'stageId', 'amount', 'expectedCloseDate', 'ownerId'] as const
    const file = await ws.call('exports.grid', { ...openDealsByAmount, columns: [...columns] })
    expect(path.dirname(file.path)).toBe(path.join(ws.dir, 'exports'))
    const shown = await ws.call('opportunities.list', { ...openDealsByAmount, limit: 500 })
    expect(file.rows).toBe(shown.total)

    const book = readBack(file.path)
    const [headers, ...rows] = rowsOfSheet(book)
    expect(headers).toEqual([RECORD_ID_HEADER, 'Opportunity', 'Account', 'Stage', 'Amount', 'Expected close', 'Owner'])
    expect(rows.map((r) => r[0])).toEqual(shown.rows.map((r) => r.id))
    const first = shown.rows[0]!
    const stageNameEn = (await ws.call('stages.list', {})).find((s) => s.id === first.stageId)!.nameEn
    expect(rows[0]!.slice(1, 5)).toEqual([first.name, first.accountName, stageNameEn, first.amount])
    expect(rows[0]![6]).toBe(first.ownerName)
    const sheet = book.Sheets[book.SheetNames[0]!]!
    expect(sheet['!cols']![0]!.hidden).toBe(true)
    expect(sheet.E2!.z).toBe('"¥"#,##0.00')
    expect(sheet.F2!.t).toBe('d')
  })

  it('re-importing an unedited export changes nothing; an edited cell changes exactly that field', async () => {
    const ws = await demoWorkspace()
    const exported = await ws.call('exports.grid', { ...openDealsByAmount })
    ws.allow(exported.path)
    const untouched = await ws.call('imports.commit', { path: exported.path, entity: 'opportunity', onDuplicate: 'update' })
    expect(untouched.issues).toEqual([])
    expect(untouched.counts).toEqual({ rows: exported.rows, create: 0, update: 0, unchanged: exported.rows, skip: 0, reject: 0 })
    expect(rowsOf(ws, "SELECT count(*) AS n FROM audit_log WHERE batch_id = ?", untouched.batchId)[0]!.n).toBe(0)

    const book = XLSX.read(fs.readFileSync(exported.path), { type: 'buffer', cellDates: true })
    const sheet = book.Sheets[book.SheetNames[0]!]!
    const id = sheet.A3!.v as number
    const amountColumn = rowsOfSheet(book)[0]!.indexOf('Amount')
    const cell = XLSX.utils.encode_cell({ r: 2, c: amountColumn })
    sheet[cell] = { t: 'n', v: 4321.5 }
    const edited = ws.file('edited.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const report = await ws.call('imports.commit', { path: edited, entity: 'opportunity', onDuplicate: 'update' })
    expect(report.counts).toMatchObject({ update: 1, unchanged: exported.rows - 1, create: 0, reject: 0 })
    const changes = rowsOf(ws, 'SELECT entity_id AS id, field, new_value AS value FROM audit_log WHERE batch_id = ?', report.batchId)
    expect(changes).toEqual([{ id, field: 'amount', value: '4321.5' }])
  })

  it('round-trips through CSV too, in English', async () => {
    const ws = await demoWorkspace()
    const exported = await ws.raw('exports.grid', { entity: 'lead', format: 'csv' }, { locale: 'en', userId: null })
    expect(exported.ok).toBe(true)
    const file = (exported as { value: { path: string; rows: number } }).value
    const text = fs.readFileSync(file.path, 'utf8')
    expect(text.startsWith(`\ufeff${RECORD_ID_HEADER},Company,Contact,Phone`)).toBe(true)
    ws.allow(file.path)
    const report = await ws.call('imports.preview', { path: file.path, entity: 'lead', onDuplicate: 'update' })
    expect(report.counts).toMatchObject({ rows: file.rows, unchanged: file.rows, update: 0, create: 0, reject: 0 })
  })

  it('exports a saved view, and the accounts grid with its own columns', async () => {
    const ws = await demoWorkspace()
    const view = (await ws.call('views.list', { entity: 'opportunity' })).find((v) => v.builtinKey === 'won_this_quarter')!
    const file = await ws.call('exports.grid', { entity: 'opportunity', viewId: view.id })
    expect(file.fileName).toMatch(/^本季度赢单-\d{8}-\d{6}\.xlsx$/)
    const accounts = await ws.call('exports.grid', { entity: 'account', columns: ['name', 'industry', 'ownerId'] })
    const [headers, first] = rowsOfSheet(readBack(accounts.path))
    expect(headers).toEqual([RECORD_ID_HEADER, 'Account name', 'Industry', 'Owner'])
    const industries = new Set(rowsOf(ws, "SELECT label_en AS label FROM picklists WHERE list_key = 'industry'").map((r) => r.label))
    expect(first![2] === null || industries.has(first![2])).toBe(true)
  })
})

describe('formula injection', () => {
  // Leading tabs and line breaks never reach the store (names are trimmed); the writer's own test covers them.
  const dangerous = ['=HYPERLINK("http://evil.example","点我")', '+1 打电话', '-2', '@SUM(A1)']

  it('writes text that would run as a formula so that it cannot, in .xlsx and .csv, and reads it back unchanged', async () => {
    const ws = await importWorkspace()
    const stage = (await ws.call('stages.list', {}))[0]!
    for (const name of dangerous) await ws.call('opportunities.create', { name, stageId: stage.id })
    const xlsx = await ws.call('exports.grid', { entity: 'opportunity', columns: ['name'], sort: [{ column: 'createdAt', desc: false }] })
    const sheetXml = xlsxPart(xlsx.path, 'xl/worksheets/sheet1.xml')
    const cellXfs = xlsxPart(xlsx.path, 'xl/styles.xml').split('<cellXfs')[1]!
    expect([...cellXfs.matchAll(/<xf [^>]*>/g)][5]![0]).toContain('quotePrefix="1"')
    expect(sheetXml).not.toMatch(/<f>/)
    const cells = [...sheetXml.matchAll(/<c r="B(\d+)"[^>]*t="inlineStr"[^>]*>/g)].filter((m) => m[1] !== '1')
    expect(cells).toHaveLength(dangerous.length)
    for (const cell of cells) expect(cell[0]).toMatch(/ s="5"/)
    expect(rowsOfSheet(readBack(xlsx.path)).slice(1).map((r) => r[1])).toEqual(dangerous)

    const csv = await ws.call('exports.grid', { entity: 'opportunity', columns: ['name'], format: 'csv', sort: [{ column: 'createdAt', desc: false }] })
    const lines = fs.readFileSync(csv.path, 'utf8').split('\r\n')
    expect(lines[1]).toBe(`1,"'=HYPERLINK(""http://evil.example"",""点我"")"`)
    expect(lines[2]).toBe("2,'+1 打电话")

    for (const file of [xlsx.path, csv.path]) {
      ws.allow(file)
      const report = await ws.call('imports.preview', { path: file, entity: 'opportunity', onDuplicate: 'update' })
      expect(report.counts, file).toMatchObject({ unchanged: dangerous.length, update: 0, reject: 0 })
    }
  })
})
