import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { ensureWeeklySnapshot } from '../../electron/core/services/analytics/snapshots'
import { exportsFolder } from '../../electron/core/services/exports/files'
import { openWorkspace } from '../helpers/workspace'
import { buildFixture } from './fixture'

type Cells = (string | number | Date | null)[][]

function readWorkbook(base64: string) {
  const book = XLSX.read(Buffer.from(base64, 'base64'), { cellDates: true, cellStyles: true })
  const rows = (name: string): Cells => XLSX.utils.sheet_to_json(book.Sheets[name]!, { header: 1, defval: null }) as Cells
  return { book, rows }
}

async function review(locale: 'en' | 'zh-CN') {
  const fx = await buildFixture()
  const result = await fx.ws.raw('analytics.weeklyReview', { week: '2026-W46' }, { locale, userId: null })
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  const value = result.value as { base64: string; sheets: { name: string; rows: number }[]; week: string }
  return { fx, value, ...readWorkbook(value.base64) }
}

describe('weekly review workbook', () => {
  it('has the sheets a manager sends, with this week against last week, in English', async () => {
    const { value, book, rows } = await review('en')
    expect(value.week).toBe('2026-W46')
    expect(book.SheetNames).toEqual([
      'Summary',
      'Pipeline by stage',
      'What changed',
      'New deals',
      'Won',
      'Lost',
      'Stale and overdue',
      'Forecast vs target',
      'Collections',
      'Alice',
      'Bob',
    ])
    const summary = Object.fromEntries(rows('Summary').slice(1).map((r) => [r[0], r.slice(1)]))
    // Week 46 (11-09 … 11-15): D9 created, D1 won, D10 lost; week 45 had none of these.
    expect(summary['New deals']).toEqual([1, 0, 70_000, 0, null, null])
    expect(summary.Won).toEqual([1, 0, 100_000, 0, null, null])
    expect(summary.Lost).toEqual([1, 0, 20_000, 0, null, null])
    expect(summary['Win rate (by count)']!.slice(4)).toEqual([0.5, null])
    expect(summary['Stale deals (now)']!.slice(0, 3)).toEqual([3, null, 190_000])
    expect(rows('Summary').some((r) => String(r[0]).startsWith('Amounts in: CNY (') && String(r[0]).includes('USD 7'))).toBe(true)

    const lost = rows('Lost')
    expect(lost[1]).toEqual(expect.arrayContaining(['D10', 'Bob', 'Lost', 20_000, 'No budget']))
    expect(rows('Won')[1]).toEqual(expect.arrayContaining(['D1', 'Alice', 'Won', 100_000]))
    expect(rows('New deals').slice(1).map((r) => r[0])).toEqual(['D9'])

    const changed = rows('What changed').slice(1).map((r) => [r[0], r[1], r[7]])
    expect(changed).toEqual([
      ['Start total', null, 480_000],
      ['Created', 'D9', 70_000],
      ['Reopened', 'D4', 80_000],
      ['Amount increased', 'D2', 40_000],
      ['Amount decreased', 'D3', -5_000],
      ['Won', 'D1', -100_000],
      ['Lost', 'D10', -20_000],
      ['Advanced', 'D3', 45_000],
      ['Moved back', 'D2', 240_000],
      ['Close date pulled in', 'D6', 70_000],
      ['Close date pushed out (slipped)', 'D2', 240_000],
      ['End total', null, 545_000],
    ])
    const forecast = rows('Forecast vs target').slice(1).map((r) => r.slice(0, 3))
    expect(forecast).toEqual([
      ['2026-11', 300_000, 100_000],
      ['2026-12', 400_000, 0],
      ['2027-01', null, 0],
    ])
    expect(rows('Alice').slice(1).map((r) => r[0]).sort()).toEqual(['D1', 'D2', 'D7', 'D9'])
    expect(value.sheets.find((s) => s.name === 'Bob')!.rows).toBe(4)
  })

  it('writes real dates, currency formats, a frozen header and a filter', async () => {
    const { book, value } = await review('en')
    const won = book.Sheets.Won!
    const header = XLSX.utils.sheet_to_json(won, { header: 1 })[0] as string[]
    const cell = (column: string) => won[XLSX.utils.encode_cell({ r: 1, c: header.indexOf(column) })]!
    expect(cell('Expected close').v).toBeInstanceOf(Date)
    expect(cell('Amount (CNY)')).toMatchObject({ t: 'n', v: 100_000 })
    expect(String(cell('Amount (CNY)').z)).toContain('¥')
    expect(won['!autofilter']).toBeDefined()
    const files = (XLSX.read(Buffer.from(value.base64, 'base64'), { bookFiles: true }) as unknown as { files: Record<string, { content: Buffer }> })
      .files
    const sheets = Object.keys(files).filter((name) => name.startsWith('xl/worksheets/'))
    expect(sheets).toHaveLength(11)
    for (const sheet of sheets) expect(Buffer.from(files[sheet]!.content).toString()).toContain('state="frozen"')
    const usd = book.Sheets.Bob!
    const bobRows = XLSX.utils.sheet_to_json(usd, { header: 1 }) as unknown[][]
    const d6 = bobRows.findIndex((r) => r[0] === 'D6')
    const bobHeader = bobRows[0] as string[]
    const original = usd[XLSX.utils.encode_cell({ r: d6, c: bobHeader.indexOf('Amount (original)') })]!
    expect(original).toMatchObject({ v: 10_000 })
    expect(String(original.z)).toContain('$')
    expect(usd[XLSX.utils.encode_cell({ r: d6, c: bobHeader.indexOf('Amount (CNY)') })]!.v).toBe(70_000)
  })

  it('speaks Chinese to a Chinese reader', async () => {
    const { book, rows } = await review('zh-CN')
    expect(book.SheetNames).toEqual(['摘要', '按阶段', '本周变化', '新商机', '赢单', '输单', '停滞与逾期', '预测与目标', '回款', '王丽', '赵强'])
    expect(rows('输单')[1]).toEqual(expect.arrayContaining(['D10', '赵强', '输单', '无预算']))
  })

  it('narrows the whole review to one rep', async () => {
    const fx = await buildFixture()
    const result = await fx.ws.call('analytics.weeklyReview', { week: '2026-W46', ownerId: fx.bob })
    const { book, rows } = readWorkbook(result.base64!)
    expect(book.SheetNames.slice(9)).toEqual(['Bob'])
    expect(rows('Won').length).toBe(1)
    expect(rows('Lost').slice(1).map((r) => r[0])).toEqual(['D10'])
  })

  it('lands in the exports folder when asked, for the web host to download', async () => {
    const fx = await buildFixture()
    const result = await fx.ws.call('analytics.weeklyReview', { week: '2026-W46', toExportsFolder: true })
    expect(result.base64).toBeNull()
    expect(path.dirname(result.file!)).toBe(exportsFolder(fx.ws.core.dbPath))
    expect(path.basename(result.file!)).toMatch(/^weekly-review-2026-W46-.+\.xlsx$/)
    const book = XLSX.read(fs.readFileSync(result.file!))
    expect(book.SheetNames.slice(0, 3)).toEqual(['Summary', 'Pipeline by stage', 'What changed'])
  })
})

describe('weekly snapshots', () => {
  it('are taken once per ISO week by the workspace clock, and on demand any time', async () => {
    let now = new Date('2026-11-16T01:00:00.000Z')
    const ws = await openWorkspace({ now: () => now })
    expect(ensureWeeklySnapshot(ws.core)).toMatchObject({ taken: true, snapshot: { week: '2026-W47', kind: 'auto' } })
    now = new Date('2026-11-22T23:00:00.000Z')
    expect(ensureWeeklySnapshot(ws.core).taken).toBe(false)
    await ws.call('snapshots.take', { note: 'before the board meeting' })
    now = new Date('2026-11-23T00:30:00.000Z')
    expect(ensureWeeklySnapshot(ws.core)).toMatchObject({ taken: true, snapshot: { week: '2026-W48' } })
    const list = await ws.call('snapshots.list', {})
    expect(list.map((s) => [s.week, s.kind, s.note])).toEqual([
      ['2026-W48', 'auto', null],
      ['2026-W47', 'manual', 'before the board meeting'],
      ['2026-W47', 'auto', null],
    ])
  })

  it('know the ISO weeks around the new year', async () => {
    const { isoWeekOf, weekStart } = await import('../../electron/core/services/analytics/dates')
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01')
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53')
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01')
    expect(weekStart('2026-W47')).toBe('2026-11-16')
    expect(weekStart('2026-W53')).toBe('2026-12-28')
  })
})
