import type { Database } from 'better-sqlite3'
import { deferredSearchSql, pendingTableSql } from './loop/searchIndexSql'
import { largestId } from './records'

/**
 * Each statement that fires a search trigger opens a savepoint, and FTS5
 * writes its pending entries out at every savepoint: row by row, a bulk
 * write leaves one tiny index segment per record and merges them over and
 * over (measured: ~120 µs per contact against ~25 µs entered at the end in
 * one statement). Below this many rows the schema change costs more than it saves.
 */
const DEFERRAL_MIN_ROWS = 200

export const searchDeferralPays = (rows: number): boolean => rows >= DEFERRAL_MIN_ROWS

interface Saved {
  readonly name: string
  readonly sql: string
}

/**
 * Runs `write` with the search index's insert and update triggers set
 * aside, then enters the rows it created and rewrites those whose indexed
 * values it may have changed, exactly as the triggers would have left them.
 * Call inside a write transaction: if `write` throws, the rollback brings
 * the triggers back untouched.
 */
export function withSearchIndexDeferred<T>(db: Database, write: () => T): T {
  const tables = deferredSearchSql()
  const names = tables.flatMap((t) => t.triggers)
  const saved = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${names.map(() => '?').join(', ')})`)
    .all(...names) as Saved[]
  const largest = tables.map((t) => largestId(db, t.entity))
  for (const trigger of saved) db.exec(`DROP TRIGGER ${trigger.name}`)
  db.exec(pendingTableSql.create)
  for (const t of tables) db.exec(t.noteUpdates)

  const result = write()

  for (const t of tables) db.exec(`DROP TRIGGER temp.${t.noteName}`)
  for (const trigger of saved) db.exec(trigger.sql)
  tables.forEach((t, i) => {
    for (const statement of t.rewrite) db.prepare(statement).run({ max: largest[i] })
  })
  db.exec(pendingTableSql.drop)
  return result
}
