/**
 * One import measurement in a process of its own, so that its peak RSS is
 * the import's and not the harness's. Prints one JSON line:
 *   tsx bench/importChild.ts baseline DB WORKBOOK   parse + one prepared insert per row, one transaction
 *   tsx bench/importChild.ts import   DB WORKBOOK   the full import through the API (worker, plan, audited writes, batch)
 *   tsx bench/importChild.ts undo     DB BATCH      undo of that batch through the API
 */
import fs from 'node:fs'
import path from 'node:path'
import { dispatch } from '../electron/core'
import { readForImport } from '../electron/core/services/imports/read/readFile'
import { IMPORT_MAX_ROWS } from '../electron/core/services/imports/prepare'
import { defaultReadLimits } from '../electron/core/excel'
import { openBenchCore } from './workspace'

const [mode, dbPath, target] = process.argv.slice(2)

/** The bare pipeline: the same reader, then one prepared INSERT per row into a plain table, in one transaction. */
async function baseline(): Promise<Record<string, unknown>> {
  const core = await openBenchCore(dbPath!)
  try {
    const started = performance.now()
    const read = await readForImport(fs.readFileSync(target!), path.basename(target!), () => {}, { ...defaultReadLimits, maxDataRows: IMPORT_MAX_ROWS })
    if (!read.ok) throw new Error(read.failure.code)
    const [header, ...rows] = read.workbook.sheets[0]!.rows
    const width = header!.length
    core.db.exec(`CREATE TEMP TABLE bare (${Array.from({ length: width }, (_, i) => `c${i}`).join(', ')})`)
    const insert = core.db.prepare(`INSERT INTO bare VALUES (${Array.from({ length: width }, () => '?').join(', ')})`)
    core.db.transaction(() => {
      for (const row of rows) insert.run(...Array.from({ length: width }, (_, i) => plain(row[i])))
    })()
    return { seconds: (performance.now() - started) / 1000, rows: rows.length }
  } finally {
    core.close()
  }
}

const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null))

async function importFull(): Promise<Record<string, unknown>> {
  const core = await openBenchCore(dbPath!)
  try {
    core.paths.allow(target!)
    const started = performance.now()
    const result = await dispatch(core, 'imports.commit', { path: target, entity: 'opportunity', onUnknown: 'create' }, { locale: 'en' })
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const report = result.value as { batchId: string; counts: unknown }
    return { seconds: (performance.now() - started) / 1000, batchId: report.batchId, counts: report.counts }
  } finally {
    core.close()
  }
}

async function undo(): Promise<Record<string, unknown>> {
  const core = await openBenchCore(dbPath!)
  try {
    const started = performance.now()
    const result = await dispatch(core, 'imports.undo', { batchId: target }, { locale: 'en' })
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    return { seconds: (performance.now() - started) / 1000, ...(result.value as object) }
  } finally {
    core.close()
  }
}

const run = { baseline, import: importFull, undo }[mode as 'baseline' | 'import' | 'undo']
if (!run) throw new Error(`unknown mode ${mode}`)
const figures = await run()
// maxRSS: the process's peak resident set in kilobytes, worker threads included.
console.log(JSON.stringify({ ...figures, peakRssMb: process.resourceUsage().maxRSS / 1024 }))
