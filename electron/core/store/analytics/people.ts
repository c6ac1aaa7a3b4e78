import type { Database } from 'better-sqlite3'
import type { CreatedDeal } from './pipeline'
import { allRows, analyticsRows, inList, inSpan, joinSql, oneRow, ownerRows, raw, sql, type DateSpan, type Fragment, type Scope } from './sql'
import { Tallies } from './tally'

/** Figures about leads, reps' follow-ups and tasks, and customers: the rows behind other grids than the deals'. */

export interface SourceDeals {
  source: string | null
  count: number
  won: number
  wonAmount: number
}

/** Deals created in the span per source, and how many of them are won now (sources in SQL order). */
export function dealsBySource(deals: readonly CreatedDeal[]): SourceDeals[] {
  const all = new Tallies<string | null>()
  const won = new Tallies<string | null>()
  for (const deal of deals) {
    all.add(deal.source, deal.amount)
    if (deal.kind === 'won') won.add(deal.source, deal.amount)
  }
  const wins = new Map(won.rows().map((w) => [w.key, w]))
  return all.rows().map(({ key, count }) => ({ source: key, count, won: wins.get(key)?.count ?? 0, wonAmount: wins.get(key)?.amount ?? 0 }))
}

/** Live leads (alias `l`) within the scope's owners, sources and regions. */
function leadScope(scope: Scope): Fragment {
  const parts: Fragment[] = [raw(`l.deleted_at IS NULL AND ${analyticsRows('l')}`)]
  if (scope.ownerIds) parts.push(inList('l.owner_id', scope.ownerIds))
  if (scope.sources) parts.push(inList('l.source', scope.sources))
  if (scope.regions) parts.push(inList('l.region', scope.regions))
  return joinSql(parts, ' AND ')
}

export interface SourceLeads {
  source: string | null
  count: number
  converted: number
}

/** Leads created in the span per source, and how many became deals. */
export function leadsBySource(db: Database, scope: Scope, created: DateSpan): SourceLeads[] {
  return allRows(
    db,
    sql`SELECT l.source AS source, count(*) AS count, count(CASE WHEN l.status = 'converted' THEN 1 END) AS converted
      FROM leads l WHERE ${leadScope(scope)} AND ${inSpan('l.created_at', created)} GROUP BY 1`,
  )
}

export interface UserCount {
  userId: number | null
  count: number
}

/**
 * A count per user (users with none left out), `count` being a scalar
 * subquery over `r.owner`: one index range per rep, where grouping the rows
 * by rep sorted them all. Materialized: a plain subquery is flattened, and
 * its WHERE then counts every rep's rows a second time.
 */
function countPerUser(db: Database, ownerIds: readonly number[] | null, count: Fragment): UserCount[] {
  return allRows(
    db,
    sql`WITH c AS MATERIALIZED (SELECT r.owner AS userId, (${count}) AS count FROM (${ownerRows(ownerIds, false)}) r)
      SELECT userId, count FROM c WHERE count > 0`,
  )
}

/** Follow-ups logged in the span, per rep who logged them: each rep's days of the span summed from follow_up_days (migration 014). */
export function followUpsByOwner(db: Database, ownerIds: readonly number[] | null, occurred: DateSpan): UserCount[] {
  return countPerUser(db, ownerIds, sql`SELECT coalesce(sum(f.count), 0) FROM follow_up_days f WHERE f.owner_id = r.owner AND ${inSpan('f.day', occurred)}`)
}

/**
 * Open tasks due before `today`, per assignee, off tasks_an_assignee_due
 * (migration 016). Named: left alone, SQLite walks the wider assignee index
 * and reads every overdue task's row; this WHERE always implies the named one's.
 */
export function overdueTasksByAssignee(db: Database, ownerIds: readonly number[] | null, today: string): UserCount[] {
  return countPerUser(
    db,
    ownerIds,
    sql`SELECT count(*) FROM tasks t INDEXED BY tasks_an_assignee_due
      WHERE t.assignee_id = r.owner AND t.deleted_at IS NULL AND t.status = 'open' AND ${raw(analyticsRows('t'))} AND t.due_date < ${today}`,
  )
}

/** Accounts that bought (customers) and that bought again (repeat customers), within the scope's owners, sources and regions. */
export function customerCounts(db: Database, scope: Scope): { customers: number; repeatCustomers: number } {
  const parts: Fragment[] = [raw(`a.deleted_at IS NULL AND ${analyticsRows('a')} AND a.lifecycle IN ('customer', 'repeat_customer')`)]
  if (scope.ownerIds) parts.push(inList('a.owner_id', scope.ownerIds))
  if (scope.sources) parts.push(inList('a.source', scope.sources))
  if (scope.regions) parts.push(inList('a.region', scope.regions))
  return oneRow(
    db,
    sql`SELECT count(*) AS customers, count(CASE WHEN a.lifecycle = 'repeat_customer' THEN 1 END) AS repeatCustomers
      FROM accounts a WHERE ${joinSql(parts, ' AND ')}`,
  )
}
