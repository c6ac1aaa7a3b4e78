import type { Database } from 'better-sqlite3'
import { customFieldKeyOf, findColumn, groupableTypes, type ColumnType } from '../../../shared/columns'
import { resolveDatePreset } from '../../../shared/datePresets'
import type { GridEntity } from '../../../shared/enums'
import { DatePreset, type FilterValue, type GroupRow, type WindowQuery } from '../../../shared/query'
import { AppError } from '../errors'
import type { CustomColumnSql } from './customFields'
import { aliasOf, baseAmountSql, dateTypes, fullFrom, gridSources, leanFrom, type ColumnSql } from './gridSources'
import { escapeLike } from './like'
import { searchIndexCondition } from './loop/search'
import { DEEP_OFFSET, factsOf } from './windowCache'

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
  /** Every matching id in order, for lists read whole (see windowCache). */
  allIdsSql: string
  countSql: string
  params: Bound[]
}

/**
 * Turns a window query into SQL. Column names come only from the contract's
 * whitelist; every user value is a bound parameter.
 */
export function compileWindowQuery(entity: GridEntity, query: WindowQuery, ctx: QueryContext, sortDriven = false): CompiledQuery {
  const alias = aliasOf(entity)
  const where = compileWhere(entity, query.filters, query.search, ctx, sortDriven)
  const order = query.sort.map((s) => {
    const column = resolveColumn(entity, s.column, ctx)
    return `${column.sortExpr ?? column.expr} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`
  })
  order.push(`${alias}.id ${query.sort[0]?.desc ? 'DESC' : 'ASC'}`)
  const orderSql = order.join(', ')
  const allIdsSql = `SELECT ${alias}.id FROM ${leanFrom(entity, [where.sql, orderSql])} WHERE ${where.sql} ORDER BY ${orderSql}`
  return {
    idsSql: `${allIdsSql} LIMIT ? OFFSET ?`,
    allIdsSql,
    countSql: `SELECT count(*) AS n FROM ${leanFrom(entity, [where.sql])} WHERE ${where.sql}`,
    params: where.params,
  }
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
  const countOf = () => (facts.count ??= db.prepare(compiled.countSql).pluck().get(...compiled.params) as number)
  if (!facts.ids && query.offset >= DEEP_OFFSET) facts.ids = Int32Array.from(db.prepare(compiled.allIdsSql).pluck().all(...compiled.params) as number[])
  const ids = facts.ids
    ? Array.from(facts.ids.subarray(query.offset, query.offset + query.limit))
    : windowIds(db, entity, query, ctx, compiled, countOf)
  const total = query.withTotal === false ? null : (facts.ids?.length ?? countOf())
  return { rows: rowsByIds<T>(db, entity, ids), total, offset: query.offset }
}

/**
 * A window near the top. When the filters keep so many rows that walking
 * the sort's index to the window's end costs less than sorting every match
 * (matches² > rows walked × table size), the sort's index drives the query.
 */
function windowIds(db: Database, entity: GridEntity, query: WindowQuery, ctx: QueryContext, compiled: CompiledQuery, countOf: () => number): number[] {
  const params = [...compiled.params, query.limit, query.offset]
  // A filter on the sorted column already walks the sort's index in order.
  const sorted = query.sort[0]?.column
  if (!sorted || query.filters.length === 0 || query.filters.some((f) => f.column === sorted)) {
    return db.prepare(compiled.idsSql).pluck().all(...params) as number[]
  }
  const matches = countOf()
  const size = (db.prepare(`SELECT max(${aliasOf(entity)}.id) FROM ${gridSources[entity].from}`).pluck().get() as number | null) ?? 0
  const sql = matches * matches > (query.offset + query.limit) * size ? compileWindowQuery(entity, query, ctx, true).idsSql : compiled.idsSql
  return db.prepare(sql).pluck().all(...params) as number[]
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
  const where = compileWhere(entity, filters, search, ctx)
  const orderKey = dateTypes.has(type) ? key : (column.sortExpr ?? key)
  return db
    .prepare(
      `SELECT ${key} AS key, count(*) AS count, ${sums} FROM ${leanFrom(entity, [where.sql, key, orderKey, sums])}
       WHERE ${where.sql} GROUP BY 1 ORDER BY min(${orderKey}) NULLS LAST`,
    )
    .all(...where.params) as GroupRow[]
}

/**
 * `sortDriven` keeps SQLite off the filters' indexes (a unary + hides a
 * column from the planner), so it walks the sort's index and stops at the
 * window: far cheaper than sorting every match when most rows match.
 */
function compileWhere(entity: GridEntity, filters: Filter[], search: string | undefined, ctx: QueryContext, sortDriven = false): CompiledWhere {
  const source = gridSources[entity]
  const clauses: string[] = [source.where]
  const params: Bound[] = []
  for (const filter of filters) {
    const column = resolveColumn(entity, filter.column, ctx)
    const isDate = dateTypes.has(column.type)
    const clause =
      column.eachSql && (filter.op === 'equals' || filter.op === 'in')
        ? compileEachFilter(column.eachSql, filter.value, params)
        : compileFilter(sortDriven ? `+${column.expr}` : column.expr, filter, isDate, ctx, params)
    if (clause) clauses.push(clause)
  }
  if (search) clauses.push(compileSearch(entity, search, params))
  return { sql: clauses.join(' AND '), params }
}

/**
 * Quick search uses the CJK-aware search index where the entity has one (a
 * LIKE scan over 100,000 rows costs far more than a window may); lists with
 * no index, and text the index cannot use, fall back to LIKE.
 */
function compileSearch(entity: GridEntity, search: string, params: Bound[]): string {
  const indexed = searchIndexCondition(entity, aliasOf(entity), search)
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
