import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseInWorker, type ReadProgress } from '../../electron/core/excel'
import { fixturePath } from './helpers'
import { xlsxBomb } from './zipBomb'

describe('parsing in a worker thread', () => {
  it('reads a file by path and reports progress on the way', async () => {
    const progress: ReadProgress[] = []
    const result = await parseInWorker(fixturePath('chinese-crm-templates/zgh01640-crypto-Insight/商机导入模板.xlsx'), {}, (p) =>
      progress.push(p),
    )
    expect(result).toMatchObject({ ok: true, workbook: { format: 'xlsx', sheets: [{ name: '商机数据' }, { name: '填写说明' }] } })
    expect(progress.map((p) => p.phase)).toEqual(['checking', 'parsing', 'collecting', 'collecting'])
    expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b))
  })

  it('reads bytes, and Dates and cell errors survive the trip back', async () => {
    const bytes = fs.readFileSync(fixturePath('sheetjs-test-files/ErrorTypes.xlsx'))
    const errors = await parseInWorker(bytes, { fileName: 'ErrorTypes.xlsx' })
    expect(errors.ok && errors.workbook.sheets[0]!.rows[2]![0]).toEqual({ error: '#DIV/0!' })
    const dates = await parseInWorker(fs.readFileSync(fixturePath('sheetjs-test-files/1904/1904.xlsx')), { fileName: '1904.xlsx' })
    expect(dates.ok && dates.workbook.sheets[0]!.rows[0]![1]).toEqual(new Date('1904-01-02T00:00:00.000Z'))
  })

  it('returns the reader’s refusals and file errors as results', async () => {
    expect(await parseInWorker(fixturePath('calamine-tests/pass_protected.xlsx'))).toMatchObject({ ok: false, failure: { code: 'ENCRYPTED' } })
    expect(await parseInWorker(fixturePath('calamine-tests/issue_594_dos.ods'))).toMatchObject({ ok: false, failure: { code: 'TOO_LARGE' } })
    expect(await parseInWorker('/nowhere/missing.xlsx')).toMatchObject({ ok: false, failure: { code: 'UNREADABLE' } })
    const big = fixturePath('maven-crm-sales-opportunities/original-zip/sales_pipeline.csv')
    expect(await parseInWorker(big, { limits: { maxFileBytes: 1000 } })).toMatchObject({ ok: false, failure: { code: 'TOO_LARGE' } })
  })

  it('refuses a zip bomb inside the worker', async () => {
    const result = await parseInWorker(await xlsxBomb(300, { lie: true }), { fileName: 'bomb.xlsx' })
    expect(result).toMatchObject({ ok: false, failure: { code: 'TOO_LARGE' } })
  })

  it('loses the worker, not the app, when the heap limit is reached', async () => {
    const result = await parseInWorker(fixturePath('sheetjs-test-files/large_strings.xlsx'), { maxHeapMb: 8 })
    expect(result).toMatchObject({ ok: false, failure: { code: 'TOO_LARGE' } })
  })

  it('stops when cancelled, and when it runs out of time', async () => {
    const file = fixturePath('sheetjs-test-files/large_strings.xlsx')
    const controller = new AbortController()
    const cancelled = parseInWorker(file, {}, () => controller.abort(), controller.signal)
    expect(await cancelled).toMatchObject({ ok: false, failure: { code: 'CANCELLED' } })
    expect(await parseInWorker(file, {}, undefined, AbortSignal.abort())).toMatchObject({ ok: false, failure: { code: 'CANCELLED' } })
    expect(await parseInWorker(file, { timeoutMs: 50 })).toMatchObject({ ok: false, failure: { code: 'TIMEOUT' } })
  })
})
