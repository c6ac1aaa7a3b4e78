import { customFieldKeyOf } from '../../../shared/columns'
import { aliasOf, leanFrom } from './gridSources'
import type { IdSet } from './windowCache'
import { compileWhere, rangeOfSort, resolveColumn, type Filter } from './windowCompile'
import { compileFor, tableSize, type Plan, type Slice } from './windowPlan'

/**
 * Walks the sort's index under every filter but the custom fields', checks
 * each id against the set of ids those filters keep (read once off their
 * indexes), and keeps the matches walked so far: the next window of the list
 * walks on from where this one stopped instead of building the set and
 * walking from the top again. A walk that reaches the index's end is the
 * whole list.
 */
export function walkIds(plan: Plan, slice: Slice): number[] {
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
export function customFiltersOf(plan: Plan): Filter[] {
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
