import { customFieldKeyOf, findColumn, type ColumnType } from '../../../shared/columns'
import { resolveDatePreset } from '../../../shared/datePresets'
import type { GridEntity } from '../../../shared/enums'
import { DatePreset, type FilterValue, type WindowQuery } from '../../../shared/query'
import { AppError } from '../errors'
import type { CustomFieldType } from '../../../shared/entities'
import type { CustomColumnSql } from './customFields'
import { aliasOf, dateTypes, gridSources, leanFrom, type ColumnSql } from './gridSources'
import { escapeLike } from './like'
import { searchIndexCondition } from './loop/search'

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

export type Bound = string | number | null
export type Filter = WindowQuery['filters'][number]

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
 * Who drives a window query: SQLite's planner, or the sort's index. `sort`
 * keeps SQLite off the filters' indexes (a unary + hides a column from the
 * planner), so it walks the sort's index and stops at the window: far
 * cheaper than sorting every match when most rows match.
 * `sortWithoutCustom` walks the sort's index under every filter but the
 * custom fields' (never carried by another column's index): the store
 * checks the walked ids against the set those filters keep (see walkIds).
 */
export type Drive = 'planner' | 'sort' | 'sortWithoutCustom'

export function compileWhere(
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
export function rangeOfSort(filter: Filter, column: ResolvedColumn, sorted: string | undefined): boolean {
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
export function resolveColumn(entity: GridEntity, key: string, ctx: QueryContext): ResolvedColumn {
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
