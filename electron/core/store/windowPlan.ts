import type { Database } from 'better-sqlite3'
import type { GridEntity } from '../../../shared/enums'
import type { WindowQuery } from '../../../shared/query'
import { aliasOf, gridSources } from './gridSources'
import type { QueryFacts } from './windowCache'
import { compileWindowQuery, type Bound, type CompiledQuery, type Drive, type QueryContext } from './windowCompile'

export interface Plan {
  db: Database
  entity: GridEntity
  /** The list asked for; its offset and limit are not read. */
  query: WindowQuery
  ctx: QueryContext
  /** The tiebreak's direction (see compileWindowQuery). */
  idDesc: boolean
  compiled: CompiledQuery
  facts: QueryFacts
  countOf: () => number
}

export function planFor(db: Database, entity: GridEntity, query: WindowQuery, ctx: QueryContext, facts: QueryFacts, idDesc: boolean): Plan {
  const compiled = compileWindowQuery(entity, query, ctx, 'planner', idDesc)
  const countOf = () => (facts.count ??= db.prepare(compiled.countSql).pluck().get(...compiled.params) as number)
  return { db, entity, query, ctx, idDesc, compiled, facts, countOf }
}

export const compileFor = (plan: Plan, drive: Drive) => compileWindowQuery(plan.entity, plan.query, plan.ctx, drive, plan.idDesc)

export interface Slice {
  offset: number
  limit: number
  /** Counted from the list's end, in the reversed order. */
  reversed: boolean
}

/** A table lookup per row costs about this many index entries walked (measured at 100k deals). */
export const LOOKUP_COST = 8
/**
 * Reading a match into an id set, or handing an id walked off an index to
 * JavaScript, costs about one index entry walked (at 100k deals, about
 * 0.2 µs of CPU against 3.7 µs for a table lookup).
 */
export const ID_SET_COST = 1
const HANDED_ID_COST = 1

/** What walking one index entry costs when its id is handed to JavaScript. */
export const entryCost = (reading: Reading) => (reading === 'sorts' ? Infinity : HANDED_ID_COST + (reading === 'lookups' ? LOOKUP_COST : 0))

export function readSlice(db: Database, compiled: CompiledQuery, slice: Slice): number[] {
  const params = [...compiled.params, slice.limit, slice.offset]
  if (!slice.reversed) return db.prepare(compiled.idsSql).pluck().all(...params) as number[]
  return (db.prepare(compiled.reversedIdsSql).pluck().all(...params) as number[]).reverse()
}

export function sliceOf(ids: Int32Array, offset: number, limit: number): number[] {
  return Array.from(ids.subarray(offset, offset + limit))
}

/** Rows the entity's table holds, live or not, as far as ids tell (what a walk of a whole index reads at most). */
export function tableSize(plan: Plan): number {
  return (plan.facts.tableSize ??=
    (plan.db.prepare(`SELECT max(${aliasOf(plan.entity)}.id) FROM ${gridSources[plan.entity].from}`).pluck().get() as number | null) ?? 0)
}

/** How SQLite means to run a statement. */
export function stepsOf(db: Database, sql: string, params: readonly Bound[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((step) => step.detail)
}

/** Whether a step reads the rows of the table under `alias` (not an index alone). */
export const readsTable = (step: string, alias: string) => new RegExp(`^(SCAN|SEARCH) ${alias}\\b`).test(step) && !step.includes('COVERING INDEX')

/** Sorting the whole list, or big parts of it; sorting only the ties of one value on id streams like an index. */
export const sortsRows = (step: string) => step.startsWith('USE TEMP B-TREE FOR') && step !== 'USE TEMP B-TREE FOR LAST TERM OF ORDER BY'

/**
 * How SQLite walks a sort-driven list: off one covering index alone, off an
 * index with a table lookup per row, or not in the index's order at all.
 */
export type Reading = 'index' | 'lookups' | 'sorts'

export function readingOf(db: Database, driven: CompiledQuery): Reading {
  const steps = stepsOf(db, driven.allIdsSql, driven.params)
  if (steps.some(sortsRows)) return 'sorts'
  return steps.some((step) => /^(SCAN|SEARCH) \w+ USING COVERING INDEX/.test(step)) ? 'index' : 'lookups'
}
