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
import { DEEP_OFFSET, factsOf, type QueryFacts } from './windowCache'

/** What a query needs beyond its own words: who asks ('me') and what day it is (presets). */
export interface QueryContext {
  userId: number | null
  today: Date
  /** Resolves `custom.<key>` columns against the field definitions; without it only built-in columns exist. */
  customColumn?: (entity: GridEntity, key: string, alias: string) => CustomColumnSql | undefined
}

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
 * whitelist; every user value is a bound parameter.
 */
export function compileWindowQuery(entity: GridEntity, query: WindowQuery, ctx: QueryContext, drive: Drive = 'planner'): CompiledQuery {
  const alias = aliasOf(entity)
  const where = compileWhere(entity, query.filters, query.search, ctx, drive)
  const terms = query.sort.map((s) => {
    const column = resolveColumn(entity, s.column, ctx)
    return { expr: column.sortExpr ?? column.expr, desc: s.desc }
  })
  const orderSql = orderBy(terms, `${alias}.id`, query.sort[0]?.desc ?? false, false)
  const reversedSql = orderBy(terms, `${alias}.id`, query.sort[0]?.desc ?? false, true)
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
  const plan: Plan = { db, entity, query, ctx, compiled, facts, countOf: () => (facts.count ??= db.prepare(compiled.countSql).pluck().get(...compiled.params) as number) }
  const ids = facts.ids
    ? sliceOf(facts.ids, query)
    : query.offset < DEEP_OFFSET
      ? windowIds(plan, { offset: query.offset, limit: query.limit, reversed: false })
      : deepWindowIds(plan)
  const total = query.withTotal === false ? null : (facts.ids?.length ?? plan.countOf())
  return { rows: rowsByIds<T>(db, entity, ids), total, offset: query.offset }
}

interface Plan {
  db: Database
  entity: GridEntity
  query: WindowQuery
  ctx: QueryContext
  compiled: CompiledQuery
  facts: QueryFacts
  countOf: () => number
}

interface Slice {
  offset: number
  limit: number
  /** Counted from the list's end, in the reversed order. */
  reversed: boolean
}

/**
 * A window deep in the list. Knowing how many rows match, a window nearer
 * the end is read from the end, so no window walks more than half the list.
 * Once the windows of one list have walked as many rows as it holds (a
 * person scrolling on and on, an export), the whole ordered list is read
 * once and later windows slice it: never more than twice the work of
 * reading it whole, and a few jumps cost only what they walk.
 */
function deepWindowIds(plan: Plan): number[] {
  const { query, facts } = plan
  const total = plan.countOf()
  if (query.offset >= total) return []
  const after = Math.max(total - query.offset - query.limit, 0)
  facts.walked = (facts.walked ?? 0) + Math.min(query.offset, after) + query.limit
  if (facts.walked >= total) return readWhole(plan)
  if (after >= query.offset) return windowIds(plan, { offset: query.offset, limit: query.limit, reversed: false })
  return windowIds(plan, { offset: after, limit: Math.min(query.limit, total - query.offset), reversed: true })
}

/** A table lookup per row costs about this many index entries walked (measured at 100k deals). */
const LOOKUP_COST = 8
/** Reading a match into an id set costs about this many index entries walked. */
const ID_SET_COST = 2

/**
 * The query's window, read as `slice` says, the cheapest of three ways:
 * - walk the sort's index to the slice's end (more entries when the filters
 *   keep few rows), cheap entries when the index alone answers the filters,
 *   a table lookup each otherwise;
 * - the same, the custom fields' filters first read into id sets;
 * - let the filters' indexes find every match, a table lookup each, and
 *   sort them all: whichever window is asked, so the whole list is kept and
 *   the next windows slice it.
 */
function windowIds(plan: Plan, slice: Slice): number[] {
  const { db, entity, query, ctx, compiled, facts } = plan
  // A filter on the sorted value itself already walks the sort's index in order.
  const sorted = query.sort[0]?.column
  const narrowed = query.filters.length > 0 || Boolean(query.search)
  const sortsAsFiltered = (column: string) => column === sorted && !resolveColumn(entity, column, ctx).sortExpr
  if (!sorted || !narrowed || query.filters.some((f) => sortsAsFiltered(f.column))) {
    // No index gives this order (several sort columns, say): each window would sort every match.
    facts.sortsAll ??= planOf(db, compiled).some(sortsRows)
    return facts.sortsAll ? readWhole(plan) : readSlice(db, compiled, slice)
  }
  const matches = Math.max(plan.countOf(), 1)
  const size = (db.prepare(`SELECT max(${aliasOf(entity)}.id) FROM ${gridSources[entity].from}`).pluck().get() as number | null) ?? 0
  const walk = ((slice.offset + slice.limit) * size) / matches
  const sort = compileWindowQuery(entity, query, ctx, 'sort')
  const walkCost = (reading: Reading) => (reading === 'sorts' ? Infinity : reading === 'index' ? walk : walk * LOOKUP_COST)
  let best = { cost: matches * LOOKUP_COST, read: () => readWhole(plan) }
  const sortCost = walkCost((facts.sortReading ??= readingOf(db, sort)))
  if (sortCost < best.cost) best = { cost: sortCost, read: () => readSlice(db, sort, slice) }
  if (query.filters.some((f) => customFieldKeyOf(f.column) !== null)) {
    const withIdSets = compileWindowQuery(entity, query, ctx, 'sortWithIdSets')
    const cost = matches * ID_SET_COST + walkCost((facts.idSetReading ??= readingOf(db, withIdSets)))
    if (cost < best.cost) best = { cost, read: () => readSlice(db, withIdSets, slice) }
  }
  return best.read()
}

function readSlice(db: Database, compiled: CompiledQuery, slice: Slice): number[] {
  const params = [...compiled.params, slice.limit, slice.offset]
  if (!slice.reversed) return db.prepare(compiled.idsSql).pluck().all(...params) as number[]
  return (db.prepare(compiled.reversedIdsSql).pluck().all(...params) as number[]).reverse()
}

/** Reads every matching id in order, keeps them for the next windows, and returns the query's window. */
function readWhole(plan: Plan): number[] {
  const { db, compiled, facts, query } = plan
  facts.ids = Int32Array.from(db.prepare(compiled.allIdsSql).pluck().all(...compiled.params) as number[])
  return sliceOf(facts.ids, query)
}

function sliceOf(ids: Int32Array, query: WindowQuery): number[] {
  return Array.from(ids.subarray(query.offset, query.offset + query.limit))
}

/** How SQLite means to read the whole ordered list. */
function planOf(db: Database, compiled: CompiledQuery): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${compiled.allIdsSql}`).all(...compiled.params) as { detail: string }[]).map((step) => step.detail)
}

const sortsRows = (step: string) => step.startsWith('USE TEMP B-TREE FOR')

/**
 * How SQLite walks a sort-driven list: off one covering index alone, off an
 * index with a table lookup per row, or not in the index's order at all.
 */
export type Reading = 'index' | 'lookups' | 'sorts'

function readingOf(db: Database, driven: CompiledQuery): Reading {
  const plan = planOf(db, driven)
  if (plan.some(sortsRows)) return 'sorts'
  return plan.some((step) => /^SCAN \w+ USING COVERING INDEX/.test(step)) ? 'index' : 'lookups'
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
 * cheaper than sorting every match when most rows match. `sortWithIdSets`
 * also turns each custom field's filter (never carried by another column's
 * index) into the set of matching ids, read once off the field's own index,
 * so a long walk checks ids instead of reading each row.
 */
export type Drive = 'planner' | 'sort' | 'sortWithIdSets'

function compileWhere(entity: GridEntity, filters: Filter[], search: string | undefined, ctx: QueryContext, drive: Drive): CompiledWhere {
  const sortDriven = drive !== 'planner'
  const source = gridSources[entity]
  const clauses: string[] = [source.where]
  const params: Bound[] = []
  for (const filter of filters) {
    const column = resolveColumn(entity, filter.column, ctx)
    const isDate = dateTypes.has(column.type)
    const clause =
      column.eachSql && (filter.op === 'equals' || filter.op === 'in')
        ? compileEachFilter(column.eachSql, filter.value, params)
        : drive === 'sortWithIdSets' && column.fieldType
          ? compileIdSet(entity, filter, isDate, ctx, params)
          : compileFilter(sortDriven ? `+${column.expr}` : column.expr, filter, isDate, ctx, params)
    if (clause) clauses.push(clause)
  }
  if (search) clauses.push(compileSearch(entity, search, params, sortDriven || clauses.length > 1))
  return { sql: clauses.join(' AND '), params }
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

/** The rows a filter keeps, as `+<alias>.id IN (…)` over the entity's table under another alias. */
function compileIdSet(entity: GridEntity, filter: Filter, isDate: boolean, ctx: QueryContext, params: Bound[]): string | null {
  const alias = aliasOf(entity)
  const inner = `${alias}_set`
  const clause = compileFilter(resolveColumn(entity, filter.column, ctx, inner).expr, filter, isDate, ctx, params)
  if (!clause) return null
  const table = gridSources[entity].from.trim().split(/\s+/)[0]!
  const live = gridSources[entity].where.replace(`${alias}.`, `${inner}.`)
  return `+${alias}.id IN (SELECT ${inner}.id FROM ${table} ${inner} WHERE ${live} AND ${clause})`
}

interface ResolvedColumn extends ColumnSql {
  readonly type: ColumnType
  readonly eachSql?: string
  /** Set for custom fields. */
  readonly fieldType?: CustomFieldType
}

/** A whitelisted built-in column, or a custom field that exists now; nothing else reaches the SQL. */
function resolveColumn(entity: GridEntity, key: string, ctx: QueryContext, alias = aliasOf(entity)): ResolvedColumn {
  const fieldKey = customFieldKeyOf(key)
  if (fieldKey !== null) {
    const custom = ctx.customColumn?.(entity, fieldKey, alias)
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
