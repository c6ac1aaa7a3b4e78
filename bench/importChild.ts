/**
 * One import measurement in a process of its own, so that its peak RSS is
 * the import's and not the harness's. The harness bundles it (see
 * importExport.ts) and runs it with node; it prints one JSON line:
 *   importChild.js baseline DB WORKBOOK   parse + one prepared insert per row, one transaction
 *   importChild.js import   DB WORKBOOK   the full import through the API (worker, plan, audited writes, batch)
 *   importChild.js undo     DB BATCH      undo of that batch through the API
 */
import fs from 'node:fs'
import path from 'node:path'
import { dispatch } from '../electron/core'
import { readForImport } from '../electron/core/services/imports/read/readFile'
import { IMPORT_MAX_ROWS } from '../electron/core/services/imports/prepare'
import { defaultReadLimits } from '../electron/core/excel'
import { openBenchCore } from './workspace'

const [mode, dbPath, target] = process.argv.slice(2)

/**
 * The bare pipeline: the same reader, then one prepared INSERT per row into
 * the opportunities table (its triggers fire, as for any deal), in one
 * transaction. No mapping, coercion, checks, relations, audit or batch.
 */
async function baseline(): Promise<Record<string, unknown>> {
  const core = await openBenchCore(dbPath!)
  try {
    const stage = core.db.prepare("SELECT id, pipeline_id AS pipelineId FROM stages WHERE kind = 'open' ORDER BY id LIMIT 1").get() as { id: number; pipelineId: number }
    const started = performance.now()
    const read = await readForImport(fs.readFileSync(target!), path.basename(target!), () => {}, { ...defaultReadLimits, maxDataRows: IMPORT_MAX_ROWS })
    if (!read.ok) throw new Error(read.failure.code)
    const [, ...rows] = read.workbook.sheets[0]!.rows
    const insert = core.db.prepare(
      `INSERT INTO opportunities (name, amount, expected_close_date, pipeline_id, stage_id, stage_entered_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const now = new Date().toISOString()
    core.db.transaction(() => {
      for (const row of rows) insert.run(String(row[0]), typeof row[6] === 'number' ? row[6] : null, day(row[9]), stage.pipelineId, stage.id, now, now, now)
    })()
    return { seconds: (performance.now() - started) / 1000, rows: rows.length }
  } finally {
    core.close()
  }
}

const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : null)

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
