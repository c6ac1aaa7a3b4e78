import type { Database } from 'better-sqlite3'
import type { GridEntity } from '../../../shared/enums'
import { aliasOf, gridSources, leanFrom } from './gridSources'
import type { ListGroup, ListGroups } from './windowCache'
import { compileWhere, resolveColumn, type Bound } from './windowCompile'
import { compileFor, planFor, readingOf, readsTable, stepsOf, type Plan } from './windowPlan'

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
export function groupsOf(plan: Plan): ListGroups | null {
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

/** Reads a group's ids as a list of its own; passed in (the readers' module imports this one). */
export type IdsOf = (plan: Plan, offset: number, limit: number) => number[]

/** The window's ids, group by group, each group read as a list of its own. */
export function groupedIds(plan: Plan, groups: ListGroups, offset: number, limit: number, idsOf: IdsOf): number[] | null {
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
