import type { Database } from 'better-sqlite3'
import type { Reading } from './windowPlan'

/**
 * What the store has learnt about recent window queries: how many rows
 * match, and for lists read deep, every id in order. Scrolling deep into a
 * list (or exporting it window by window) then slices an array instead of
 * making SQLite walk OFFSET rows of a sort the filter's index cannot give,
 * which costs 100+ ms a window at 100k rows.
 *
 * Facts hold only while the database is exactly as it was when they were
 * read: no write on this connection (total_changes) and no commit by another
 * one, such as the CLI or a second window (data_version).
 */
export interface QueryFacts {
  count?: number
  ids?: Int32Array
  /** Rows walked so far to reach deep windows, to know when reading the whole list pays. */
  walked?: number
  /** How SQLite walks the sort's index for this list, and under every filter but the custom fields' (see windowQuery). */
  sortReading?: Reading
  walkerReading?: Reading
  /** Whether SQLite sorts every match to give the list's order. */
  sortsAll?: boolean
  /** The largest id of the entity's table. */
  tableSize?: number
  /** The ids the custom fields' filters keep, and the sort's index walked against them so far, from either end. */
  idSet?: IdSet
  walks?: { forward?: Walk; backward?: Walk }
  /** Each custom filter's matching ids, by its SQL (shared by the groups of a list). */
  filterSets?: Map<string, number[]>
  /** For a list read group by group (sorted on several columns), its groups found so far; null when it is not. */
  groups?: ListGroups | null
}

export interface ListGroups {
  found: ListGroup[]
  /** Whether the last group was found. */
  done: boolean
}

export interface IdSet {
  has: (id: number) => boolean
  /** Entries of the entity's table per id in the set. */
  entriesPerMatch: number
}

export interface Walk {
  /** The matches found so far, in the walk's order. */
  ids: number[]
  /** Index entries walked so far. */
  scanned: number
  /** Whether the walk reached the index's end. */
  done: boolean
}

/** Every row of a list with one value of its first sort column; its facts hold as long as the list's. */
export interface ListGroup {
  value: string | number | null
  count: number
  facts: QueryFacts
}

/** Windows nearer the top than this read SQLite directly: LIMIT stops early there. */
export const DEEP_OFFSET = 1_000

const MAX_QUERIES = 8

interface Entry {
  stamp: string
  facts: QueryFacts
}

const memoByDb = new WeakMap<Database, Map<string, Entry>>()

function stampOf(db: Database): string {
  const version = db.pragma('data_version', { simple: true }) as number
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number
  return `${version}:${changes}`
}

/** The facts known about a query now; fill in what you learn, it is kept for the next window. */
export function factsOf(db: Database, key: string): QueryFacts {
  let memo = memoByDb.get(db)
  if (!memo) {
    memo = new Map()
    memoByDb.set(db, memo)
  }
  const stamp = stampOf(db)
  const known = memo.get(key)
  memo.delete(key)
  const entry = known?.stamp === stamp ? known : { stamp, facts: {} }
  // Most recently used last, so the oldest is evicted first.
  memo.set(key, entry)
  while (memo.size > MAX_QUERIES) memo.delete(memo.keys().next().value!)
  return entry.facts
}
