import type { Database } from 'better-sqlite3'
import { groupableTypes } from '../../../shared/columns'
import type { GridEntity } from '../../../shared/enums'
import type { GroupRow, WindowQuery } from '../../../shared/query'
import { AppError } from '../errors'
import { aliasOf, baseAmountSql, dateTypes, fullFrom, gridSources, leanFrom } from './gridSources'
import { DEEP_OFFSET, factsOf } from './windowCache'
import { compileWhere, compileWindowQuery, resolveColumn, type Filter, type QueryContext, type WindowReading } from './windowCompile'
import { groupedIds, groupsOf } from './windowGroups'
import {
  compileFor,
  entryCost,
  ID_SET_COST,
  LOOKUP_COST,
  planFor,
  readingOf,
  readSlice,
  sliceOf,
  sortsRows,
  stepsOf,
  tableSize,
  type Plan,
  type Reading,
  type Slice,
} from './windowPlan'
import { customFiltersOf, walkIds } from './windowWalk'

export { compileWindowQuery, type CompiledQuery, type Drive, type QueryContext, type WindowReading } from './windowCompile'

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

/** The list's ids from `offset`, at most `limit` of them, by the cheapest reading known for it. */
function idsOf(plan: Plan, offset: number, limit: number): number[] {
  if (plan.facts.ids) return sliceOf(plan.facts.ids, offset, limit)
  const groups = groupsOf(plan)
  const grouped = groups && groupedIds(plan, groups, offset, limit, idsOf)
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
