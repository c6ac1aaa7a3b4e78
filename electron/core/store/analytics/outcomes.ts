import type { Database } from 'better-sqlite3'
import { spreadOf } from './percentiles'
import {
  allRows,
  dealBaseAmount,
  dealColumn,
  deals,
  dealScope,
  fxCte,
  inList,
  inSpan,
  oneRow,
  rawRows,
  raw,
  sql,
  type DateSpan,
  type Fragment,
  type Scope,
} from './sql'

/** Figures over the deals closed (won or lost) in a span. */

function closedDeals(scope: Scope, closed: DateSpan, kinds: readonly ('won' | 'lost')[]): Fragment {
  const closedAt = dealColumn('closedAt')
  return sql`FROM stages s JOIN ${deals} ON o.stage_id = s.id LEFT JOIN fx ON fx.currency = o.currency
    WHERE ${inList('s.kind', kinds)} AND ${dealScope(scope)} AND ${raw(closedAt)} IS NOT NULL AND ${inSpan(closedAt, closed)}`
}

export type OutcomeDimension = 'all' | 'owner' | 'source' | 'productLine'

export interface OutcomeCell {
  dimension: OutcomeDimension
  key: string | number | null
  kind: 'won' | 'lost'
  count: number
  amount: number
}

/** Won and lost counts and amounts, overall and per owner, source and product line, from one pass over the deals. */
export function outcomesByDimension(db: Database, scope: Scope, closed: DateSpan): OutcomeCell[] {
  const per = (dimension: OutcomeDimension, key: string) =>
    raw(`SELECT '${dimension}' AS dimension, ${key} AS key, kind, sum(n) AS count, total(amount) AS amount FROM c GROUP BY 2, 3`)
  return allRows(
    db,
    sql`WITH ${fxCte(scope.baseCurrency)},
      c AS MATERIALIZED (
        SELECT o.owner_id AS owner, o.source AS source, o.product_line AS productLine, s.kind AS kind,
          count(*) AS n, total(${raw(dealBaseAmount)}) AS amount
        ${closedDeals(scope, closed, ['won', 'lost'])}
        GROUP BY 1, 2, 3, 4)
      ${per('all', 'NULL')} UNION ALL ${per('owner', 'owner')} UNION ALL ${per('source', 'source')}
      UNION ALL ${per('productLine', 'productLine')}`,
  )
}

export interface WonSummary {
  count: number
  amount: number
  averageAmount: number | null
  medianCycleDays: number | null
  averageCycleDays: number | null
}

/** Deals won in the span: their size, and days from creation to won (median and mean). */
export function wonSummary(db: Database, scope: Scope, closed: DateSpan): WonSummary {
  const won = rawRows<[number, number]>(
    db,
    sql`WITH ${fxCte(scope.baseCurrency)}
      SELECT ${raw(dealBaseAmount)}, julianday(o.closed_at) - julianday(o.created_at) ${closedDeals(scope, closed, ['won'])}`,
  )
  const amounts = spreadOf(won.map(([amount]) => amount))
  const cycle = spreadOf(won.map(([, days]) => days))
  return {
    count: won.length,
    amount: won.reduce((sum, [amount]) => sum + amount, 0),
    averageAmount: amounts.mean,
    medianCycleDays: cycle.median,
    averageCycleDays: cycle.mean,
  }
}

export interface LossCell {
  dimension: 'reason' | 'competitor'
  key: string | null
  count: number
  amount: number
}

/** Deals lost in the span, by loss reason and by competitor. */
export function lossesByReason(db: Database, scope: Scope, closed: DateSpan): LossCell[] {
  return allRows(
    db,
    sql`WITH ${fxCte(scope.baseCurrency)},
      l AS MATERIALIZED (
        SELECT o.loss_reason AS reason, o.competitor AS competitor, count(*) AS n, total(${raw(dealBaseAmount)}) AS amount
        ${closedDeals(scope, closed, ['lost'])}
        GROUP BY 1, 2)
      SELECT 'reason' AS dimension, reason AS key, sum(n) AS count, total(amount) AS amount FROM l GROUP BY 2
      UNION ALL
      SELECT 'competitor', competitor, sum(n), total(amount) FROM l GROUP BY 2
      ORDER BY 1, 4 DESC`,
  )
}

export interface RenewalFigures {
  won: number
  lost: number
  wonAmount: number
  repeatWins: number
  repeatAmount: number
}

/**
 * Renewal-pipeline deals won and lost in the span, and every win in the span
 * that follows an earlier deal of the customer.
 */
export function renewalFigures(db: Database, scope: Scope, closed: DateSpan, renewalPipelineId: number | null): RenewalFigures {
  return oneRow(
    db,
    sql`WITH ${fxCte(scope.baseCurrency)}
      SELECT
        count(CASE WHEN o.pipeline_id = ${renewalPipelineId} AND s.kind = 'won' THEN 1 END) AS won,
        count(CASE WHEN o.pipeline_id = ${renewalPipelineId} AND s.kind = 'lost' THEN 1 END) AS lost,
        total(CASE WHEN o.pipeline_id = ${renewalPipelineId} AND s.kind = 'won' THEN ${raw(dealBaseAmount)} END) AS wonAmount,
        count(CASE WHEN o.previous_opportunity_id IS NOT NULL AND s.kind = 'won' THEN 1 END) AS repeatWins,
        total(CASE WHEN o.previous_opportunity_id IS NOT NULL AND s.kind = 'won' THEN ${raw(dealBaseAmount)} END) AS repeatAmount
      ${closedDeals(scope, closed, ['won', 'lost'])}`,
  )
}
