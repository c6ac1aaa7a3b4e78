/**
 * A writer for the crash and concurrency tests, run in its own process:
 * rounds of a `grid.create`, a `grid.update` bulk edit and an
 * `imports.commit` of a generated workbook, through dispatch, each announced
 * on stdout before it starts and after it commits, so the test knows
 * whether its SIGKILL landed in the middle of one.
 *
 * Usage: node --import tsx crashWorker.ts DB TAG ROWS ROUNDS [--no-import | --import-first]
 * (ROUNDS 0 = until killed; --import-first reaches the first import sooner)
 * Created rows are named `crash|TAG-r|i`, a bulk edit sets next_step to
 * `edit TAG-r`, and imported rows are named `imp|TAG-r|i`.
 */
import fs from 'node:fs'
import path from 'node:path'
import * as XLSX from 'xlsx'
import { dispatch, openCore } from '../../electron/core'

const [dbPath, runTag, rowsArg, roundsArg, ...options] = process.argv.slice(2)
const rowsPerBatch = Number(rowsArg)
const rounds = Number(roundsArg)
const withImport = !options.includes('--no-import')
const importFirst = options.includes('--import-first')
const meta = { locale: 'en', userId: null }

function say(line: string): void {
  // Pipes are written synchronously on Linux: the line is out before the batch starts.
  process.stdout.write(`${line}\n`)
}

/** An .xlsx of `rowsPerBatch` deals, as a sales team would keep them. */
function writeWorkbook(tag: string): string {
  const file = path.join(path.dirname(dbPath!), `import-${tag}.xlsx`)
  const rows = Array.from({ length: rowsPerBatch }, (_, i) => [`imp|${tag}|${i}`, '初步接洽', 1000 + i])
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['商机名称', '阶段', '预计金额'], ...rows]), 'Sheet1')
  fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
  return file
}

async function call<T>(method: string, input: unknown): Promise<T> {
  const envelope = await dispatch(core, method, input, meta)
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}`)
  return envelope.value as T
}

const core = await openCore({ dbPath: dbPath!, surface: 'cli', trustAllPaths: true })
const [stage] = await call<{ id: number }[]>('stages.list', {})
say('ready')
async function createAndEdit(tag: string): Promise<void> {
  const rows = Array.from({ length: rowsPerBatch }, (_, i) => ({ name: `crash|${tag}|${i}`, stageId: stage!.id, amount: i }))
  say(`begin create ${tag}`)
  const created = await call<{ rows: { id: number; version: number }[] }>('grid.create', { entity: 'opportunity', rows })
  say(`end create ${tag}`)
  const changes = created.rows.map((row) => ({ id: row.id, version: row.version, patch: { nextStep: `edit ${tag}` } }))
  say(`begin update ${tag}`)
  await call('grid.update', { entity: 'opportunity', changes })
  say(`end update ${tag}`)
}

async function importWorkbook(tag: string): Promise<void> {
  const workbook = writeWorkbook(tag)
  say(`begin import ${tag}`)
  await call('imports.commit', { path: workbook, entity: 'opportunity' })
  say(`end import ${tag}`)
}

for (let round = 0; rounds === 0 || round < rounds; round += 1) {
  const tag = `${runTag}-${round}`
  if (withImport && importFirst) await importWorkbook(tag)
  await createAndEdit(tag)
  if (withImport && !importFirst) await importWorkbook(tag)
}
core.close()
say('done')
