import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { dispatch, openCore } from '../../electron/core'
import { LATEST_VERSION } from '../../electron/core/store/migrations'

export { TSX, workbench } from '../helpers/cli'


/**
 * Starts a TypeScript file in one child Node process, with tsx as a loader.
 * (tsx's CLI would run the script in a grandchild, which a SIGKILL to the
 * child would leave running.)
 */
export function spawnScript(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** A workspace file with some opportunities, written out as one self-contained file (no -wal beside it). */
export async function makeWorkspaceFile(file: string, opportunities = 3): Promise<void> {
  const core = await openCore({ dbPath: file, surface: 'test' })
  const meta = { locale: 'en', userId: null }
  const stages = (await dispatch(core, 'stages.list', {}, meta)) as { ok: true; value: { id: number }[] }
  const rows = Array.from({ length: opportunities }, (_, i) => ({ name: `商机 ${i + 1}`, stageId: stages.value[0]!.id }))
  if (rows.length > 0) await dispatch(core, 'grid.create', { entity: 'opportunity', rows }, meta)
  core.db.pragma('journal_mode = DELETE')
  core.close()
}

/** Keeps SQLite's header and scribbles over the pages after it: SQLite calls the result corrupt. */
export function damage(file: string): void {
  const bytes = fs.readFileSync(file)
  for (let i = 100; i < Math.min(bytes.length, 16384); i += 1) bytes[i] = (i * 7) & 0xff
  fs.writeFileSync(file, bytes)
}

/** Cuts a file in half, like a copy interrupted half way. */
export function truncate(file: string): void {
  fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))
}

/** Marks a workbench file as written by a future version. */
export function makeNewer(file: string): void {
  const db = new BetterSqlite3(file)
  db.pragma(`user_version = ${LATEST_VERSION + 1}`)
  db.close()
}

/** A SQLite file from another program. */
export function makeForeign(file: string): void {
  const db = new BetterSqlite3(file)
  db.exec('CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)')
  db.close()
}

export function countRows(file: string, table: string): number {
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  } finally {
    db.close()
  }
}

/**
 * A second connection that watches the file: SQLite's `data_version` changes
 * exactly when another connection commits, so "nothing was written" is one
 * number compared before and after.
 */
export function commitWatcher(file: string): { dataVersion(): number; close(): void } {
  const db = new BetterSqlite3(file, { readonly: true })
  return {
    dataVersion: () => db.pragma('data_version', { simple: true }) as number,
    close: () => db.close(),
  }
}
