import type { Database } from 'better-sqlite3'
import {
  allRows,
  dealBaseAmount,
  dealColumn,
  deals,
  dealScope,
  inSpan,
  isRotting,
  oneRow,
  ownerRows,
  raw,
  rawRows,
  sql,
  type DateSpan,
  type Scope,
} from './sql'
import { Total } from './tally'

/** Figures over the deals as they stand: the funnel, the open pipeline, stale deals and the forecast. */

export interface StageFigures {
  stageId: number
  count: number
  amount: number
  weightedAmount: number
}

/** A deal created in the span, with what the funnel and source effectiveness read of it. */
export interface CreatedDeal {
  stageId: number
  kind: 'open' | 'won' | 'lost'
  source: string | null
  /** In the base currency, 0 when blank. */
  amount: number
  probability: number | null
}

/**
 * Deals created in the span, read once for the funnel and the sources chart
 * (counted here: grouping in SQL sorts every row, once per chart). Each
 * deal's stage kind comes from the few stages read apart: joining them cost
 * a lookup and a string per deal.
 */
export function createdDeals(db: Database, scope: Scope, created: DateSpan): CreatedDeal[] {
  const kinds = new Map(rawRows<[number, CreatedDeal['kind']]>(db, raw('SELECT id, kind FROM stages')))
  return rawRows<[number, string | null, number, number | null]>(
    db,
    sql`SELECT o.stage_id, o.source, ${dealBaseAmount(db, scope)}, o.probability
      FROM ${deals} WHERE ${dealScope(scope)} AND ${inSpan(dealColumn('createdAt'), created)}`,
  ).map(([stageId, source, amount, probability]) => ({ stageId, kind: kinds.get(stageId)!, source, amount, probability }))
}

/** Deals created in the span, by their current stage. */
export function funnelByStage(deals: readonly CreatedDeal[]): StageFigures[] {
  const byStage = new Map<number, { count: number; amount: Total; weightedAmount: Total }>()
  for (const deal of deals) {
    let stage = byStage.get(deal.stageId)
    if (!stage) byStage.set(deal.stageId, (stage = { count: 0, amount: new Total(), weightedAmount: new Total() }))
    stage.count++
    stage.amount.add(deal.amount)
    // As SQL's total() does, a blank probability adds nothing.
    if (deal.probability !== null) stage.weightedAmount.add((deal.amount * deal.probability) / 100)
  }
  return [...byStage].map(([stageId, f]) => ({ stageId, count: f.count, amount: f.amount.value, weightedAmount: f.weightedAmount.value }))
}

/** Open deals now, by stage. */
export function openByStage(db: Database, scope: Scope): StageFigures[] {
  const amount = dealBaseAmount(db, scope)
  return allRows(
    db,
    sql`SELECT o.stage_id AS stageId, count(*) AS count, total(${amount}) AS amount,
        total(${amount} * o.probability / 100.0) AS weightedAmount
      FROM stages s JOIN ${deals} ON o.stage_id = s.id
      WHERE s.kind = 'open' AND ${dealScope(scope)}
      GROUP BY o.stage_id`,
  )
}

export interface OwnerFigures {
  ownerId: number | null
  count: number
  amount: number
  /** Of those, deals past their stage's rotting days (the grid's own "stale" test). */
  staleCount: number
  staleAmount: number
}

/**
 * Open deals now, per owner, and how many of them have gone stale.
 *
 * Read owner by owner and open stage by open stage, which the planner does
 * off opps_an_owner (migration 013; forcing it would fail on a filter that
 * matches nothing): grouping every open deal by owner made SQLite sort them
 * all, which cost more than their figures. The index also holds the Julian
 * day the stale test reads (migration 015). Each deal's figures are worked
 * out once, in a sub-select kept apart from the sums (LIMIT -1 stops SQLite
 * folding it in and repeating the stale test, date arithmetic, per sum).
 */
export function openByOwner(db: Database, scope: Scope, now: string): OwnerFigures[] {
  const rows = rawRows<[number | null, string]>(
    db,
    sql`WITH r AS (${ownerRows(scope.ownerIds, true)})
      SELECT r.owner, (SELECT json_array(count(*), total(amount), sum(stale), total(CASE WHEN stale THEN amount END)) FROM (
        SELECT ${dealBaseAmount(db, scope)} AS amount, (${isRotting(now)}) IS 1 AS stale
        FROM stages s CROSS JOIN ${deals}
        WHERE o.owner_id IS r.owner AND o.stage_id = s.id AND s.kind = 'open' AND ${dealScope(scope)} LIMIT -1))
      FROM r ORDER BY r.owner`,
  )
  return rows.flatMap(([ownerId, figures]) => {
    // JSON carries SQLite's doubles to 17 digits, so they read back exactly.
    const [count, amount, staleCount, staleAmount] = JSON.parse(figures) as [number, number, number, number]
    return count > 0 ? [{ ownerId, count, amount, staleCount, staleAmount }] : []
  })
}

export interface ForecastCell {
  month: string
  /** The deal's own forecast category when set, else its stage's. */
  category: string
  count: number
  amount: number
  weightedAmount: number
  overdueCount: number
  overdueAmount: number
  /** Deals whose own category differs from their stage's (then a stage filter cannot find them). */
  overridden: number
}

/** Open deals by expected close month and forecast category. */
export function openByCloseMonth(db: Database, scope: Scope, expected: DateSpan, today: string): ForecastCell[] {
  const close = dealColumn('expectedCloseDate')
  const amount = dealBaseAmount(db, scope)
  return allRows(
    db,
    sql`SELECT substr(${raw(close)}, 1, 7) AS month, coalesce(o.forecast_category, s.forecast_category) AS category,
        count(*) AS count, total(${amount}) AS amount,
        total(${amount} * o.probability / 100.0) AS weightedAmount,
        count(CASE WHEN ${raw(close)} < ${today} THEN 1 END) AS overdueCount,
        total(CASE WHEN ${raw(close)} < ${today} THEN ${amount} END) AS overdueAmount,
        count(CASE WHEN o.forecast_category IS NOT NULL AND o.forecast_category <> s.forecast_category THEN 1 END) AS overridden
      FROM stages s JOIN ${deals} ON o.stage_id = s.id
      WHERE s.kind = 'open' AND ${dealScope(scope)} AND ${raw(close)} IS NOT NULL AND ${inSpan(close, expected)}
      GROUP BY 1, 2 ORDER BY 1`,
  )
}

export interface MonthFigures {
  month: string
  count: number
  amount: number
}

/** Deals won per month of closing. */
export function wonByMonth(db: Database, scope: Scope, closed: DateSpan): MonthFigures[] {
  const closedAt = dealColumn('closedAt')
  return allRows(
    db,
    sql`SELECT substr(${raw(closedAt)}, 1, 7) AS month, count(*) AS count, total(${dealBaseAmount(db, scope)}) AS amount
      FROM stages s JOIN ${deals} ON o.stage_id = s.id
      WHERE s.kind = 'won' AND ${dealScope(scope)} AND ${raw(closedAt)} IS NOT NULL AND ${inSpan(closedAt, closed)}
      GROUP BY 1 ORDER BY 1`,
  )
}

/** Open deals whose expected close date is before `today`. */
export function pastDue(db: Database, scope: Scope, today: string): { count: number; amount: number } {
  const close = dealColumn('expectedCloseDate')
  return oneRow(
    db,
    sql`SELECT count(*) AS count, total(${dealBaseAmount(db, scope)}) AS amount
      FROM stages s JOIN ${deals} ON o.stage_id = s.id
      WHERE s.kind = 'open' AND ${dealScope(scope)} AND ${raw(close)} < ${today}`,
  )
}

/** The months (YYYY-MM) that hold open deals' expected close dates or wins, for an all-time forecast. */
export function forecastMonthBounds(db: Database, scope: Scope): { first: string | null; last: string | null } {
  return oneRow(
    db,
    sql`SELECT min(m) AS first, max(m) AS last FROM (
        SELECT substr(o.expected_close_date, 1, 7) AS m FROM stages s JOIN ${deals} ON o.stage_id = s.id
          WHERE s.kind = 'open' AND ${dealScope(scope)} AND o.expected_close_date IS NOT NULL
        UNION ALL
        SELECT substr(o.closed_at, 1, 7) FROM stages s JOIN ${deals} ON o.stage_id = s.id
          WHERE s.kind = 'won' AND ${dealScope(scope)} AND o.closed_at IS NOT NULL)`,
  )
}
