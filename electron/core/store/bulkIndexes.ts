import type { Database } from 'better-sqlite3'
import { insertRows } from './multiRowInsert'

/**
 * The deal indexes that serve reading alone: the grid's sort and filter
 * indexes and the dashboard's covering ones. No lookup a write makes goes
 * through them (writes find deals by id, name, external id or relation, whose
 * indexes stay), so a bulk insert may drop them and build them again at the end.
 */
const readIndexes = [
  'opps_stage',
  'opps_owner',
  'opps_source',
  'opps_product_line',
  'opps_owner_follow_up',
  'opps_an_created',
  'opps_an_closed',
  'opps_an_stage',
  'opps_an_owner',
  'opps_amount',
  'opps_close',
  'opps_created',
  'opps_updated',
  'opps_closed',
  'opps_next_follow_up',
  'opps_last_activity',
  'opps_sort_stage',
  'opps_sort_stage_amount',
  'opps_sort_owner',
  'opps_sort_account',
  'opps_live_id',
] as const

/**
 * Inserting a row into ~20 wide indexes costs about six times what building
 * them again costs per row of the table (measured on a 100k-deal workspace:
 * ~340 µs against ~58 µs), so a batch that adds at least a quarter of the
 * table's size is cheaper written without them.
 */
export function rebuildPays(db: Database, creates: number): boolean {
  const live = db.prepare('SELECT count(*) FROM opportunities WHERE deleted_at IS NULL').pluck().get() as number
  return creates > 0 && creates * 4 >= live
}

interface Dropped {
  readonly name: string
  readonly sql: string
}

/**
 * Runs `write` with the deals' read indexes dropped, then builds them again
 * from their own definitions, with the planner's statistics they had. Call
 * inside a write transaction: if `write` throws, the rollback brings the
 * indexes back untouched.
 */
export function withReadIndexesRebuilt<T>(db: Database, write: () => T): T {
  const dropped = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'opportunities' AND name IN (${readIndexes.map(() => '?').join(', ')})`)
    .all(...readIndexes) as Dropped[]
  const statistics = keptStatistics(db, dropped)
  for (const index of dropped) db.exec(`DROP INDEX ${index.name}`)
  const result = write()
  for (const index of dropped) db.exec(index.sql)
  statistics()
  return result
}

/**
 * Dropping an index drops its rows in the planner's statistics tables, and a
 * rebuilt index without them can change the plans of every deal query. Returns
 * what puts them back (and has the planner read them again).
 */
function keptStatistics(db: Database, indexes: readonly Dropped[]): () => void {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('sqlite_stat1', 'sqlite_stat4')").pluck().all() as string[])
  if (tables.length === 0 || indexes.length === 0) return () => {}
  const names = indexes.map((i) => i.name)
  const marks = names.map(() => '?').join(', ')
  const saved = tables.map((table) => ({ table, rows: db.prepare(`SELECT * FROM ${table} WHERE idx IN (${marks})`).raw().all(...names) as unknown[][] }))
  return () => {
    for (const { table, rows } of saved) insertRows(db, table, rows, 64)
    db.exec('ANALYZE sqlite_master')
  }
}
