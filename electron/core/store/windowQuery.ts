import type { Database } from 'better-sqlite3'
import { customFieldKeyOf, findColumn, groupableTypes, type ColumnType } from '../../../shared/columns'
import { resolveDatePreset } from '../../../shared/datePresets'
import type { GridEntity } from '../../../shared/enums'
import { DatePreset, type FilterValue, type GroupRow, type WindowQuery } from '../../../shared/query'
import { AppError } from '../errors'
import type { CustomFieldType } from '../../../shared/entities'
import type { CustomColumnSql } from './customFields'
import { aliasOf, baseAmountSql, dateTypes, fullFrom, gridSources, leanFrom, type ColumnSql } from './gridSources'
import { escapeLike } from './like'
import { searchIndexCondition } from './loop/search'
import { DEEP_OFFSET, factsOf, type IdSet, type ListGroup, type ListGroups, type QueryFacts } from './windowCache'

/** What a query needs beyond its own words: who asks ('me') and what day it is (presets). */
export interface QueryContext {
  userId: number | null
  today: Date
  /** Resolves `custom.<key>` columns against the field definitions; without it only built-in columns exist. */
  customColumn?: (entity: GridEntity, key: string, alias: string) => CustomColumnSql | undefined
  /** Forces one way of reading windows where it applies, for tests that compare them all; otherwise the store picks the cheapest. */
  force?: { reading?: WindowReading; groups?: boolean }
}

/** The ways windowIds reads a narrowed list: every match sorted, the sort's index walked, or walked against the custom filters' id sets. */
export type WindowReading = 'whole' | 'sortIndex' | 'idSetWalk'

type Bound = string | number | null
type Filter = WindowQuery['filters'][number]

interface CompiledWhere {
  sql: string
  params: Bound[]
}

export interface CompiledQuery {
  /** Phase 1: the window's ids, joining only what the filters and sorts name. */
  idsSql: string
  /** The same list in the opposite order, for windows nearer its end than its start. */
  reversedIdsSql: string
  /** Every matching id in order, for lists read whole (see windowCache). */
  allIdsSql: string
  countSql: string
  params: Bound[]
}

/**
 * Turns a window query into SQL. Column names come only from the contract's
 * whitelist; every user value is a bound parameter. Ties are broken by id in
 * the first sort column's direction, unless `idDesc` says otherwise (one
 * group of a list sorted on several columns keeps its list's tiebreak).
 */
export function compileWindowQuery(
  entity: GridEntity,
  query: WindowQuery,
  ctx: QueryContext,
  drive: Drive = 'planner',
  idDesc = query.sort[0]?.desc ?? false,
): CompiledQuery {
  const alias = aliasOf(entity)
  const where = compileWhere(entity, query.filters, query.search, ctx, drive, query.sort[0]?.column)
  const terms = query.sort.map((s) => {
    const column = resolveColumn(entity, s.column, ctx)
    return { expr: column.sortExpr ?? column.expr, desc: s.desc }
  })
  const orderSql = orderBy(terms, `${alias}.id`, idDesc, false)
  const reversedSql = orderBy(terms, `${alias}.id`, idDesc, true)
  const from = leanFrom(entity, [where.sql, orderSql])
  const allIdsSql = `SELECT ${alias}.id FROM ${from} WHERE ${where.sql} ORDER BY ${orderSql}`
  return {
    idsSql: `${allIdsSql} LIMIT ? OFFSET ?`,
    reversedIdsSql: `SELECT ${alias}.id FROM ${from} WHERE ${where.sql} ORDER BY ${reversedSql} LIMIT ? OFFSET ?`,
    allIdsSql,
    countSql: `SELECT count(*) AS n FROM ${leanFrom(entity, [where.sql])} WHERE ${where.sql}`,
    params: where.params,
  }
}

/**
 * Empty values last, ties broken by id. Reversed, every term turns round,
 * empty values included, so the reversed list is exactly the list read
 * backwards (and SQLite walks the same index backwards).
 */
function orderBy(terms: readonly { expr: string; desc: boolean }[], id: string, idDesc: boolean, reversed: boolean): string {
  const direction = (desc: boolean) => (desc !== reversed ? 'DESC' : 'ASC')
  const nulls = reversed ? 'NULLS FIRST' : 'NULLS LAST'
  return [...terms.map((t) => `${t.expr} ${direction(t.desc)} ${nulls}`), `${id} ${direction(idDesc)}`].join(', ')
}

/**
 * One window of rows in two steps: the ids in order (cheap, often index-only
 * even deep into the list), then the full rows for just those ids.
 */
export function runWindowQuery<T>(
  db: Database,
  entity: GridEntity,
  query: WindowQuery,
  ctx: QueryContext,
): { rows: T[]; total: number | null; offset: number } {
  const compiled = compileWindowQuery(entity, query, ctx)
  // The day is part of the key: presets and rotting flags move with it.
  const facts = factsOf(db, JSON.stringify([compiled.idsSql, compiled.params, ctx.today.toISOString().slice(0, 10)]))
  const plan = planFor(db, entity, query, ctx, facts, query.sort[0]?.desc ?? false)
  const ids = idsOf(plan, query.offset, query.limit)
  const total = query.withTotal === false ? null : (facts.ids?.length ?? plan.countOf())
  return { rows: rowsByIds<T>(db, entity, ids), total, offset: query.offset }
}

interface Plan {
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

function planFor(db: Database, entity: GridEntity, query: WindowQuery, ctx: QueryContext, facts: QueryFacts, idDesc: boolean): Plan {
  const compiled = compileWindowQuery(entity, query, ctx, 'planner', idDesc)
  const countOf = () => (facts.count ??= db.prepare(compiled.countSql).pluck().get(...compiled.params) as number)
  return { db, entity, query, ctx, idDesc, compiled, facts, countOf }
}

const compileFor = (plan: Plan, drive: Drive) => compileWindowQuery(plan.entity, plan.query, plan.ctx, drive, plan.idDesc)

interface Slice {
  offset: number
  limit: number
  /** Counted from the list's end, in the reversed order. */
  reversed: boolean
}

/** The list's ids from `offset`, at most `limit` of them, by the cheapest reading known for it. */
function idsOf(plan: Plan, offset: number, limit: number): number[] {
  if (plan.facts.ids) return sliceOf(plan.facts.ids, offset, limit)
  const groups = groupsOf(plan)
  const grouped = groups && groupedIds(plan, groups, offset, limit)
  if (grouped) return grouped
  return offset < DEEP_OFFSET ? windowIds(plan, { offset, limit, reversed: false }) : deepWindowIds(plan, offset, limit)
}

/**
 * A window deep in the list. Knowing how many rows match, a window nearer
 * the end is read from the end, so no window walks more than half the list.
 * Once the windows of one list have walked as many rows as it holds (a
 * person scrolling on and on, an export), the whole ordered list is read
 * once and later windows slice it: never more than twice the work of
 * reading it whole, and a few jumps cost only what they walk.
 */
function deepWindowIds(plan: Plan, offset: number, limit: number): number[] {
  const { facts } = plan
  const total = plan.countOf()
  if (offset >= total) return []
  const after = Math.max(total - offset - limit, 0)
  facts.walked = (facts.walked ?? 0) + Math.min(offset, after) + limit
  if (facts.walked >= total) return readWhole(plan, offset, limit)
  if (after >= offset) return windowIds(plan, { offset, limit, reversed: false })
  return windowIds(plan, { offset: after, limit: Math.min(limit, total - offset), reversed: true })
}

/** A table lookup per row costs about this many index entries walked (measured at 100k deals). */
const LOOKUP_COST = 8
/**
 * Reading a match into an id set, or handing an id walked off an index to
 * JavaScript, costs about one index entry walked (at 100k deals, about
 * 0.2 µs of CPU against 3.7 µs for a table lookup).
 */
const ID_SET_COST = 1
const HANDED_ID_COST = 1

/**
 * The query's window, read as `slice` says, the cheapest of three ways:
 * - walk the sort's index to the slice's end (more entries when the filters
 *   keep few rows), cheap entries when the index alone answers the filters,
 *   a table lookup each otherwise;
 * - the same, the custom fields' filters read once into an id set that the
 *   walk is checked against here; what was walked is kept, so the next
 *   windows of the list walk on from there (see walkIds);
 * - let the filters' indexes find every match, a table lookup each, and
 *   sort them all: whichever window is asked, so the whole list is kept and
 *   the next windows slice it.
 */
function windowIds(plan: Plan, slice: Slice): number[] {
  const { db, entity, query, ctx, compiled, facts } = plan
  const whole = () => readWhole(plan, slice.offset, slice.limit, slice.reversed)
  // A filter on the sorted value itself already walks the sort's index in order.
  const sorted = query.sort[0]?.column
  const narrowed = query.filters.length > 0 || Boolean(query.search)
  const sortsAsFiltered = (column: string) => column === sorted && !resolveColumn(entity, column, ctx).sortExpr
  const customFilters = customFiltersOf(plan)
  if (!sorted || !narrowed || (query.filters.some((f) => sortsAsFiltered(f.column)) && customFilters.length === 0)) {
    // No index gives this order (several sort columns, say): each window would sort every match.
    facts.sortsAll ??= stepsOf(db, compiled.allIdsSql, compiled.params).some(sortsRows)
    return facts.sortsAll ? whole() : readSlice(db, compiled, slice)
  }
  const matches = Math.max(plan.countOf(), 1)
  const walk = ((slice.offset + slice.limit) * tableSize(plan)) / matches
  const sort = compileFor(plan, 'sort')
  const walkCost = (reading: Reading) => (reading === 'sorts' ? Infinity : reading === 'index' ? walk : walk * LOOKUP_COST)
  const sortCost = walkCost((facts.sortReading ??= readingOf(db, sort)))
  const candidates: { cost: number; read: () => number[]; reading: WindowReading }[] = [
    { cost: matches * LOOKUP_COST, read: whole, reading: 'whole' },
    { cost: sortCost, read: () => readSlice(db, sort, slice), reading: 'sortIndex' },
  ]
  if (customFilters.length > 0) {
    const walked = facts.walks?.[slice.reversed ? 'backward' : 'forward']?.scanned ?? 0
    const perEntry = entryCost((facts.walkerReading ??= readingOf(db, compileFor(plan, 'sortWithoutCustom'))))
    const cost = (facts.idSet ? 0 : matches * ID_SET_COST) + Math.max(walk - walked, 0) * perEntry
    candidates.push({ cost, read: () => walkIds(plan, slice), reading: 'idSetWalk' })
  }
  const possible = candidates.filter((c) => c.cost < Infinity)
  const forced = possible.find((c) => c.reading === ctx.force?.reading)
  const best = forced ?? possible.reduce((a, b) => (b.cost < a.cost ? b : a))
  return best.read()
}

/** What walking one index entry costs when its id is handed to JavaScript. */
const entryCost = (reading: Reading) => (reading === 'sorts' ? Infinity : HANDED_ID_COST + (reading === 'lookups' ? LOOKUP_COST : 0))

function readSlice(db: Database, compiled: CompiledQuery, slice: Slice): number[] {
  const params = [...compiled.params, slice.limit, slice.offset]
  if (!slice.reversed) return db.prepare(compiled.idsSql).pluck().all(...params) as number[]
  return (db.prepare(compiled.reversedIdsSql).pluck().all(...params) as number[]).reverse()
}

/**
 * Reads every matching id in order, keeps them for the next windows, and
 * returns the window (`reversed` counts it from the end). A list already
 * walked against its id set finishes that walk when that costs less than
 * SQLite finding and sorting every match.
 */
function readWhole(plan: Plan, offset: number, limit: number, reversed = false): number[] {
  const { db, compiled, facts } = plan
  const walk = facts.walks?.forward
  const rest = tableSize(plan) - (walk?.scanned ?? 0)
  if (walk && facts.walkerReading && rest * entryCost(facts.walkerReading) < plan.countOf() * LOOKUP_COST) {
    walkIds(plan, { offset: 0, limit: Infinity, reversed: false })
  } else {
    facts.ids = Int32Array.from(db.prepare(compiled.allIdsSql).pluck().all(...compiled.params) as number[])
  }
  const ids = facts.ids!
  if (!reversed) return sliceOf(ids, offset, limit)
  const start = Math.max(ids.length - offset - limit, 0)
  return sliceOf(ids, start, ids.length - offset - start)
}

function sliceOf(ids: Int32Array, offset: number, limit: number): number[] {
  return Array.from(ids.subarray(offset, offset + limit))
}

/** Rows the entity's table holds, live or not, as far as ids tell (what a walk of a whole index reads at most). */
function tableSize(plan: Plan): number {
  return (plan.facts.tableSize ??=
    (plan.db.prepare(`SELECT max(${aliasOf(plan.entity)}.id) FROM ${gridSources[plan.entity].from}`).pluck().get() as number | null) ?? 0)
}

/**
 * Walks the sort's index under every filter but the custom fields', checks
 * each id against the set of ids those filters keep (read once off their
 * indexes), and keeps the matches walked so far: the next window of the list
 * walks on from where this one stopped instead of building the set and
 * walking from the top again. A walk that reaches the index's end is the
 * whole list.
 */
function walkIds(plan: Plan, slice: Slice): number[] {
  const { db, facts } = plan
  const idSet = (facts.idSet ??= idSetOf(plan))
  const walker = compileFor(plan, 'sortWithoutCustom')
  const walk = ((facts.walks ??= {})[slice.reversed ? 'backward' : 'forward'] ??= { ids: [], scanned: 0, done: false })
  const statement = db.prepare(slice.reversed ? walker.reversedIdsSql : walker.idsSql).pluck()
  const end = slice.offset + slice.limit
  while (walk.ids.length < end && !walk.done) {
    // Entries to walk per match: what this walk has seen, else what the set's size says.
    const perMatch = walk.ids.length > 0 ? walk.scanned / walk.ids.length : idSet.entriesPerMatch
    const chunk = Math.min(Math.ceil((end - walk.ids.length) * perMatch * 1.1) + 100, 1_000_000_000)
    const read = statement.all(...walker.params, chunk, walk.scanned) as number[]
    for (const id of read) if (idSet.has(id)) walk.ids.push(id)
    walk.scanned += read.length
    walk.done = read.length < chunk
  }
  if (walk.done) facts.ids = Int32Array.from(slice.reversed ? [...walk.ids].reverse() : walk.ids)
  const window = walk.ids.slice(slice.offset, end)
  return slice.reversed ? window.reverse() : window
}

/** The custom fields' filters a walk checks against id sets (a filter on the sorted column itself narrows the walk instead). */
function customFiltersOf(plan: Plan): Filter[] {
  const sorted = plan.query.sort[0]?.column
  return plan.query.filters.filter((f) => customFieldKeyOf(f.column) !== null && !rangeOfSort(f, resolveColumn(plan.entity, f.column, plan.ctx), sorted))
}

/**
 * Ids kept by the query's custom field filters: each filter's matches read
 * once off its own index (a list's groups share them), then intersected.
 */
function idSetOf(plan: Plan): IdSet {
  const { db, entity, ctx, facts } = plan
  const known = (facts.filterSets ??= new Map())
  const sets = customFiltersOf(plan)
    .map((filter) => {
      const where = compileWhere(entity, [filter], undefined, ctx, 'planner')
      // One JSON array: handing the ids over one row at a time costs about twice as much.
      const sql = `SELECT json_group_array(${aliasOf(entity)}.id) FROM ${leanFrom(entity, [where.sql])} WHERE ${where.sql}`
      const key = JSON.stringify([sql, where.params])
      let ids = known.get(key)
      if (!ids) {
        ids = JSON.parse(db.prepare(sql).pluck().get(...where.params) as string) as number[]
        known.set(key, ids)
      }
      return ids
    })
    .sort((a, b) => a.length - b.length)
  // The smallest set, kept where every other one has it.
  const [smallest = [], ...others] = sets
  const checks = others.map(membership)
  const ids = smallest.filter((id: number) => checks.every((has) => has(id)))
  return { has: membership(ids), entriesPerMatch: tableSize(plan) / Math.max(ids.length, 1) }
}

/** A byte per id up to the largest (fast and small for a table's ids), a Set past a few million. */
function membership(ids: number[]): (id: number) => boolean {
  const largest = ids.reduce((max, id) => Math.max(max, id), 0)
  if (largest > 16_000_000) {
    const set = new Set(ids)
    return (id) => set.has(id)
  }
  const bytes = new Uint8Array(largest + 1)
  for (const id of ids) bytes[id] = 1
  return (id) => bytes[id] === 1
}

/** Rows per value of a column, from the statistics of an index that starts with it; null when none is known. */
function rowsPerValue(db: Database, entity: GridEntity, expr: string): number | null {
  const [alias, column] = expr.split('.')
  if (alias !== aliasOf(entity) || !column || !/^\w+$/.test(column)) return null
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get()) return null
  const table = gridSources[entity].from.trim().split(/\s+/)[0]!
  const stats = db
    .prepare(
      `SELECT s.stat FROM pragma_index_list(?) l JOIN pragma_index_info(l.name) i ON i.seqno = 0
       JOIN sqlite_stat1 s ON s.idx = l.name WHERE i.name = ?`,
    )
    .pluck()
    .all(table, column) as string[]
  const perValue = stats.map((stat) => Number(stat.split(' ')[1])).filter((n) => Number.isFinite(n) && n > 0)
  return perValue.length > 0 ? Math.max(...perValue) : null
}

/**
 * Groups of a list sorted on several columns are read one by one when their
 * first column has at least this many rows per value, and the list this many
 * matches: below that, sorting every match once (a table lookup each) costs
 * less than finding and walking the groups (measured at 100k deals).
 */
const GROUP_MIN_ROWS = 500
const GROUP_MIN_MATCHES = 10_000

/**
 * A list sorted on several columns that no index orders (say two custom
 * fields) is, in order, one group per value of its first sort column, each
 * sorted on the other columns. With big groups, the store reads each group
 * the window needs as a list of its own (the group's value one more filter,
 * its sort one column shorter), so a window sorts or walks its group only,
 * not every match. Groups are found and counted as windows reach them.
 * Null when the list is not read that way.
 */
function groupsOf(plan: Plan): ListGroups | null {
  const { db, entity, query, ctx, facts } = plan
  if (facts.groups !== undefined) return facts.groups
  facts.groups = null
  const [first, ...rest] = query.sort
  if (!first || rest.length === 0) return null
  const column = resolveColumn(entity, first.column, ctx)
  if (column.sortExpr || column.eachSql || ctx.force?.groups === false) return null
  if ((facts.sortReading ??= readingOf(db, compileFor(plan, 'sort'))) !== 'sorts') return null
  const big = () => (rowsPerValue(db, entity, column.expr) ?? 0) >= GROUP_MIN_ROWS && plan.countOf() >= GROUP_MIN_MATCHES
  if (!ctx.force?.groups && !big()) return null
  facts.groups = { found: [], done: false }
  return facts.groups
}

/** The window's ids, group by group, each group read as a list of its own. */
function groupedIds(plan: Plan, groups: ListGroups, offset: number, limit: number): number[] | null {
  const [first, ...rest] = plan.query.sort
  if (offset >= plan.countOf()) return []
  const ids: number[] = []
  let start = 0
  for (let i = 0; start < offset + limit; i += 1) {
    const group = groups.found[i] ?? nextGroup(plan, groups)
    if (group === 'inexact') {
      // Read the list as a whole instead: same rows, same order.
      plan.facts.groups = null
      return null
    }
    if (!group) break
    const end = start + group.count
    if (end > offset) {
      const filters = [...plan.query.filters, { column: first!.column, op: 'in' as const, value: [group.value] }]
      group.facts.filterSets ??= plan.facts.filterSets ??= new Map()
      const sub = planFor(plan.db, plan.entity, { ...plan.query, sort: rest, filters }, plan.ctx, group.facts, plan.idDesc)
      const from = Math.max(offset, start)
      ids.push(...idsOf(sub, from - start, Math.min(offset + limit, end) - from))
    }
    start = end
  }
  return ids
}

/**
 * Finds and counts the list's next group: the next value of the first sort
 * column among the matches, in the list's direction, empty values last.
 * When the first column's index alone cannot check the filters, SQLite
 * first reads their matches into a set of ids, so the index is walked
 * without a table lookup per entry.
 */
function nextGroup(plan: Plan, groups: ListGroups): ListGroup | 'inexact' | undefined {
  if (groups.done) return undefined
  const { db, entity, query, ctx } = plan
  const first = query.sort[0]!
  const key = resolveColumn(entity, first.column, ctx).expr
  const alias = aliasOf(entity)
  const where = compileWhere(entity, query.filters, query.search, ctx, 'planner')
  const filtersSql = (extra: string, extraParams: Bound[]) => {
    const from = leanFrom(entity, [where.sql, key])
    const steps = stepsOf(db, `SELECT count(*) FROM ${from} WHERE ${where.sql} AND ${extra}`, [...where.params, ...extraParams])
    if (!steps.some((step) => readsTable(step, alias))) return { sql: `${where.sql} AND ${extra}`, from }
    const matches = `SELECT ${alias}.id FROM ${leanFrom(entity, [where.sql])} WHERE ${where.sql}`
    return { sql: `${gridSources[entity].where} AND +${alias}.id IN (${matches}) AND ${extra}`, from: gridSources[entity].from }
  }
  // The next group and its size in one statement: SQLite walks the first column's index in order and stops after one group.
  const last = groups.found.at(-1)
  const params = last ? [last.value] : []
  const next = filtersSql(last ? `${key} ${first.desc ? '<' : '>'} ?` : `${key} IS NOT NULL`, params)
  const found = db
    .prepare(`SELECT ${key}, count(*) FROM ${next.from} WHERE ${next.sql} GROUP BY 1 ORDER BY 1 ${first.desc ? 'DESC' : 'ASC'} LIMIT 1`)
    .raw()
    .get(...where.params, ...params) as [unknown, number] | undefined
  let value = found?.[0] ?? null
  let count = found?.[1] ?? 0
  if (!found) {
    const empty = filtersSql(`${key} IS NULL`, [])
    count = db.prepare(`SELECT count(*) FROM ${empty.from} WHERE ${empty.sql}`).pluck().get(...where.params) as number
    groups.done = true
    value = null
  }
  // A value must come back to SQLite exactly as it left (no blobs, no integers past 2^53).
  const exact = value === null || typeof value === 'string' || (typeof value === 'number' && (!Number.isInteger(value) || Number.isSafeInteger(value)))
  if (!exact) return 'inexact'
  if (count === 0) return undefined
  const group = { value: value as Bound, count, facts: { count } }
  groups.found.push(group)
  return group
}

/** How SQLite means to run a statement. */
function stepsOf(db: Database, sql: string, params: readonly Bound[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((step) => step.detail)
}

/** Whether a step reads the rows of the table under `alias` (not an index alone). */
const readsTable = (step: string, alias: string) => new RegExp(`^(SCAN|SEARCH) ${alias}\\b`).test(step) && !step.includes('COVERING INDEX')

/** Sorting the whole list, or big parts of it; sorting only the ties of one value on id streams like an index. */
const sortsRows = (step: string) => step.startsWith('USE TEMP B-TREE FOR') && step !== 'USE TEMP B-TREE FOR LAST TERM OF ORDER BY'

/**
 * How SQLite walks a sort-driven list: off one covering index alone, off an
 * index with a table lookup per row, or not in the index's order at all.
 */
export type Reading = 'index' | 'lookups' | 'sorts'

function readingOf(db: Database, driven: CompiledQuery): Reading {
  const steps = stepsOf(db, driven.allIdsSql, driven.params)
  if (steps.some(sortsRows)) return 'sorts'
  return steps.some((step) => /^(SCAN|SEARCH) \w+ USING COVERING INDEX/.test(step)) ? 'index' : 'lookups'
}

function rowsByIds<T>(db: Database, entity: GridEntity, ids: number[]): T[] {
  if (ids.length === 0) return []
  const source = gridSources[entity]
  const map = source.map ?? ((row: Record<string, unknown>) => row)
  const found = db
    .prepare(`SELECT ${source.select} FROM ${fullFrom(entity)} WHERE ${aliasOf(entity)}.id IN (${ids.map(() => '?').join(', ')})`)
    .all(...ids) as Record<string, unknown>[]
  const byId = new Map(found.map((row) => [row.id as number, map(row) as T]))
  return ids.map((id) => byId.get(id)).filter((row): row is T => row !== undefined)
}

/**
 * Counts and subtotals per value of one column, under the same filters as
 * the grid. Dates group by month; amounts are summed in the base currency.
 */
export function runGroupQuery(
  db: Database,
  entity: GridEntity,
  groupBy: string,
  filters: Filter[],
  search: string | undefined,
  ctx: QueryContext,
): GroupRow[] {
  const column = resolveColumn(entity, groupBy, ctx)
  const type = column.type
  if (!groupableTypes.has(type)) throw new AppError('UNKNOWN_COLUMN', { entity, column: groupBy, reason: 'not groupable' })
  const key = dateTypes.has(type) ? `substr(${column.expr}, 1, 7)` : column.expr
  const sums =
    entity === 'opportunity'
      ? `sum(${baseAmountSql}) AS amount, sum(${baseAmountSql} * o.probability / 100.0) AS weightedAmount`
      : 'NULL AS amount, NULL AS weightedAmount'
  const where = compileWhere(entity, filters, search, ctx, 'planner')
  const orderKey = dateTypes.has(type) ? key : (column.sortExpr ?? key)
  return db
    .prepare(
      `SELECT ${key} AS key, count(*) AS count, ${sums} FROM ${leanFrom(entity, [where.sql, key, orderKey, sums])}
       WHERE ${where.sql} GROUP BY 1 ORDER BY min(${orderKey}) NULLS LAST`,
    )
    .all(...where.params) as GroupRow[]
}

/**
 * Who drives a window query: SQLite's planner, or the sort's index. `sort`
 * keeps SQLite off the filters' indexes (a unary + hides a column from the
 * planner), so it walks the sort's index and stops at the window: far
 * cheaper than sorting every match when most rows match.
 * `sortWithoutCustom` walks the sort's index under every filter but the
 * custom fields' (never carried by another column's index): the store
 * checks the walked ids against the set those filters keep (see walkIds).
 */
export type Drive = 'planner' | 'sort' | 'sortWithoutCustom'

function compileWhere(
  entity: GridEntity,
  filters: Filter[],
  search: string | undefined,
  ctx: QueryContext,
  drive: Drive,
  sorted?: string,
): CompiledWhere {
  const sortDriven = drive !== 'planner'
  const source = gridSources[entity]
  const clauses: string[] = [source.where]
  const params: Bound[] = []
  for (const filter of filters) {
    const column = resolveColumn(entity, filter.column, ctx)
    const walksRange = drive === 'sortWithoutCustom' && rangeOfSort(filter, column, sorted)
    if (drive === 'sortWithoutCustom' && column.fieldType && !walksRange) continue
    const isDate = dateTypes.has(column.type)
    const clause =
      column.eachSql && (filter.op === 'equals' || filter.op === 'in')
        ? compileEachFilter(column.eachSql, filter.value, params)
        : compileFilter(sortDriven && !walksRange ? `+${column.expr}` : column.expr, filter, isDate, ctx, params)
    if (clause) clauses.push(clause)
  }
  if (search) clauses.push(compileSearch(entity, search, params, sortDriven || clauses.length > 1))
  return { sql: clauses.join(' AND '), params }
}

/** A filter on the column a list is sorted by (and orders by itself): a walk reads just its range of the sort's index. */
function rangeOfSort(filter: Filter, column: ResolvedColumn, sorted: string | undefined): boolean {
  return filter.column === sorted && !column.sortExpr && !column.eachSql
}

/**
 * Quick search uses the CJK-aware search index where the entity has one (a
 * LIKE scan over 100,000 rows costs far more than a window may); lists with
 * no index, and text the index cannot use, fall back to LIKE. The index's
 * matches come in no useful order, a table lookup each: with column filters
 * (or the sort) driving, the search only checks their rows' ids.
 */
function compileSearch(entity: GridEntity, search: string, params: Bound[], hidden: boolean): string {
  // `+o.id IN (…)`: the matches are still looked up once, but no longer drive the query.
  const indexed = searchIndexCondition(entity, hidden ? `+${aliasOf(entity)}` : aliasOf(entity), search)
  if (indexed) {
    params.push(...indexed.params)
    return indexed.sql
  }
  const source = gridSources[entity]
  const like = `%${escapeLike(search)}%`
  for (let i = 0; i < source.search.length; i += 1) params.push(like)
  return `(${source.search.map((expr) => `${expr} LIKE ? ESCAPE '\\'`).join(' OR ')})`
}

interface ResolvedColumn extends ColumnSql {
  readonly type: ColumnType
  readonly eachSql?: string
  /** Set for custom fields. */
  readonly fieldType?: CustomFieldType
}

/** A whitelisted built-in column, or a custom field that exists now; nothing else reaches the SQL. */
function resolveColumn(entity: GridEntity, key: string, ctx: QueryContext): ResolvedColumn {
  const fieldKey = customFieldKeyOf(key)
  if (fieldKey !== null) {
    const custom = ctx.customColumn?.(entity, fieldKey, aliasOf(entity))
    if (!custom) throw new AppError('UNKNOWN_COLUMN', { entity, column: key })
    return { ...custom, type: custom.columnType }
  }
  const column = Object.hasOwn(gridSources[entity].columns, key) ? gridSources[entity].columns[key] : undefined
  const def = findColumn(entity, key)
  if (!column || !def) throw new AppError('UNKNOWN_COLUMN', { entity, column: key })
  return { ...column, type: def.type }
}

/** Multi-select values: equals / in keep a record holding any of the values. */
function compileEachFilter(eachSql: string, value: FilterValue | undefined, params: Bound[]): string {
  const values = (Array.isArray(value) ? value : [value]).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
  if (values.length === 0) return '0'
  params.push(...values)
  return `EXISTS (SELECT 1 FROM ${eachSql} WHERE value IN (${values.map(() => '?').join(', ')}))`
}

function compileFilter(expr: string, filter: Filter, isDate: boolean, ctx: QueryContext, params: Bound[]): string | null {
  const { op, value } = filter
  switch (op) {
    case 'empty':
      return `(${expr} IS NULL OR ${expr} = '')`
    case 'notEmpty':
      return `(${expr} IS NOT NULL AND ${expr} <> '')`
    case 'contains':
      params.push(`%${escapeLike(String(scalar(value)))}%`)
      return `${expr} LIKE ? ESCAPE '\\'`
    case 'equals':
      params.push(scalar(value))
      return `${expr} = ?`
    case 'in':
      return compileIn(expr, value, params)
    case 'between':
      return compileBetween(expr, value, isDate, params)
    case 'me':
      if (ctx.userId === null) return '0'
      params.push(ctx.userId)
      return `${expr} = ?`
    case 'preset':
      return compilePreset(expr, value, isDate, ctx, params)
  }
}

function compileIn(expr: string, value: FilterValue | undefined, params: Bound[]): string {
  if (!Array.isArray(value)) throw invalid('in expects a list')
  const present = value.filter((v): v is string | number => v !== null)
  const parts: string[] = []
  if (present.length > 0) {
    parts.push(`${expr} IN (${present.map(() => '?').join(', ')})`)
    params.push(...present)
  }
  if (present.length < value.length) parts.push(`${expr} IS NULL`)
  return parts.length > 0 ? `(${parts.join(' OR ')})` : '0'
}

/** Inclusive range; a date-only upper bound on a timestamp covers that whole day. */
function compileBetween(expr: string, value: FilterValue | undefined, isDate: boolean, params: Bound[]): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('between expects {from, to}')
  const parts: string[] = []
  if (value.from !== null && value.from !== undefined) {
    parts.push(`${expr} >= ?`)
    params.push(value.from)
  }
  if (value.to !== null && value.to !== undefined) {
    parts.push(isDate && typeof value.to === 'string' && value.to.length === 10 ? `${expr} < date(?, '+1 day')` : `${expr} <= ?`)
    params.push(value.to)
  }
  return parts.length > 0 ? parts.join(' AND ') : null
}

/** Presets become a half-open range of date strings, which compare correctly with dates and timestamps alike. */
function compilePreset(expr: string, value: FilterValue | undefined, isDate: boolean, ctx: QueryContext, params: Bound[]): string {
  const preset = DatePreset.safeParse(value)
  if (!isDate || !preset.success) throw invalid('preset expects a date column and a known preset')
  const range = resolveDatePreset(preset.data, ctx.today)
  const parts: string[] = [`${expr} IS NOT NULL`]
  if (range.from) {
    parts.push(`${expr} >= ?`)
    params.push(range.from)
  }
  if (range.to) {
    parts.push(`${expr} < ?`)
    params.push(range.to)
  }
  return parts.join(' AND ')
}

function scalar(value: FilterValue | undefined): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value
  throw invalid('expects a single value')
}

function invalid(reason: string): AppError {
  return new AppError('VALIDATION', { issues: [{ path: ['filters'], code: 'custom', message: reason }] })
}
