import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readWorkbook, defaultReadLimits } from '../../electron/core/excel'
import { readForImport } from '../../electron/core/services/imports/read/readFile'
import { fixturesRoot } from '../excel/helpers'
import { xlsxOf } from './helpers'

const xlsxFixtures = (fs.readdirSync(fixturesRoot, { recursive: true }) as string[])
  .filter((f) => /\.xlsx$/i.test(f))
  .sort()

/**
 * Where the streaming reader knowingly differs from SheetJS: a negative
 * serial in a date format stays a number (SheetJS invents a date before
 * 1900), and NOW()'s cached value rounds to the millisecond.
 */
const knownDifferences = new Set(['sheetjs-test-files/formula_stress_test.xlsx'])

describe('the streaming .xlsx reader', () => {
  it.each(xlsxFixtures.filter((f) => !knownDifferences.has(f)))('reads %s exactly as the workbook reader does', async (fixture) => {
    const bytes = fs.readFileSync(path.join(fixturesRoot, fixture))
    const streamed = await readForImport(bytes, path.basename(fixture))
    const whole = await readWorkbook(bytes, path.basename(fixture))
    expect(streamed).toEqual(whole)
  })

  it('keeps a negative serial under a date format as the number it is', async () => {
    const bytes = fs.readFileSync(path.join(fixturesRoot, 'sheetjs-test-files/number_format.xlsm'))
    const streamed = await readForImport(bytes, 'number_format.xlsm')
    const sheet = streamed.ok ? streamed.workbook.sheets.find((s) => s.name === 'ImpliedNegative')! : null
    expect(sheet!.rows[11]![1]).toBe(-12345.6789)
  })

  it('stops at the row limit instead of reading the rest of a long sheet', async () => {
    const rows = [['n'], ...Array.from({ length: 500 }, (_, i) => [i])]
    const limited = await readForImport(await xlsxOf(rows), 'long.xlsx', () => {}, { ...defaultReadLimits, maxDataRows: 100 })
    expect(limited.ok && limited.workbook.sheets[0]!.truncated).toBe(true)
    expect(limited.ok && limited.workbook.sheets[0]!.rows.length).toBeLessThanOrEqual(151)
  })

  it('reports how far it has read', async () => {
    const rows = [['n', 'text'], ...Array.from({ length: 20_000 }, (_, i) => [i, `第 ${i} 行`])]
    const fractions: number[] = []
    await readForImport(await xlsxOf(rows), 'long.xlsx', (f) => fractions.push(f))
    expect(fractions.length).toBeGreaterThan(3)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
    expect(fractions.at(-1)).toBe(1)
  })
})
