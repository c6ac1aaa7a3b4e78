import type { Database } from 'better-sqlite3'
import { findColumn } from '../../../shared/columns'
import type { GridEntity } from '../../../shared/enums'
import type { FilterValue, WindowQuery } from '../../../shared/query'
import { AppError } from '../errors'
import { escapeLike } from './like'
import { aliasOf, dateTypes, gridSources, type ColumnSql } from './gridSources'

export interface CompiledQuery {
  rowsSql: string
  countSql: string
  params: unknown[]
}

type Bound = string | number | null

/**
 * Turns a window query into SQL. Column names come only from the contract's
 * whitelist; every user value is a bound parameter.
 */
export function compileWindowQuery(entity: GridEntity, query: WindowQuery): CompiledQuery {
  const source = gridSources[entity]
  const where: string[] = [source.where]
  const params: Bound[] = []

  for (const filter of query.filters) {
    const column = resolveColumn(entity, filter.column)
    const isDate = dateTypes.has(findColumn(entity, filter.column)!.type)
    const clause = compileFilter(column, filter.op, filter.value, isDate, params)
    if (clause) where.push(clause)
  }
  if (query.search) {
    const like = `%${escapeLike(query.search)}%`
    where.push(`(${source.search.map((expr) => `${expr} LIKE ? ESCAPE '\\'`).join(' OR ')})`)
    for (let i = 0; i < source.search.length; i += 1) params.push(like)
  }

  const order = query.sort.map((s) => {
    const column = resolveColumn(entity, s.column)
    return `${column.sortExpr ?? column.expr} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`
  })
  const idColumn = `${aliasOf(entity)}.id`
  order.push(`${idColumn} ${query.sort[0]?.desc ? 'DESC' : 'ASC'}`)

  const whereSql = where.join(' AND ')
  return {
    rowsSql: `SELECT ${source.select} FROM ${source.from} WHERE ${whereSql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
    countSql: `SELECT count(*) AS n FROM ${source.from} WHERE ${whereSql}`,
    params,
  }
}

export function runWindowQuery<T>(
  db: Database,
  entity: GridEntity,
  query: WindowQuery,
): { rows: T[]; total: number; offset: number } {
  const compiled = compileWindowQuery(entity, query)
  const map = gridSources[entity].map ?? ((row: Record<string, unknown>) => row)
  const rows = db
    .prepare(compiled.rowsSql)
    .all(...compiled.params, query.limit, query.offset)
    .map((row) => map(row as Record<string, unknown>) as T)
  const total = (db.prepare(compiled.countSql).get(...compiled.params) as { n: number }).n
  return { rows, total, offset: query.offset }
}

function resolveColumn(entity: GridEntity, key: string): ColumnSql {
  const column = Object.hasOwn(gridSources[entity].columns, key) ? gridSources[entity].columns[key] : undefined
  if (!column || !findColumn(entity, key)) throw new AppError('UNKNOWN_COLUMN', { entity, column: key })
  return column
}

function compileFilter(
  column: ColumnSql,
  op: WindowQuery['filters'][number]['op'],
  value: FilterValue | undefined,
  isDate: boolean,
  params: Bound[],
): string | null {
  const expr = column.expr
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
    if (isDate && typeof value.to === 'string' && value.to.length === 10) {
      parts.push(`${expr} < date(?, '+1 day')`)
    } else {
      parts.push(`${expr} <= ?`)
    }
    params.push(value.to)
  }
  return parts.length > 0 ? parts.join(' AND ') : null
}

function scalar(value: FilterValue | undefined): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value
  throw invalid('expects a single value')
}

function invalid(reason: string): AppError {
  return new AppError('VALIDATION', { issues: [{ path: ['filters'], code: 'custom', message: reason }] })
}
