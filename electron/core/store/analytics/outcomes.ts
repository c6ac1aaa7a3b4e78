import type { Database } from 'better-sqlite3'
import { spreadOf } from './percentiles'
import { compareKeys, Tallies, Total, type GroupKey } from './tally'
import {
  dealBaseAmount,
  dealColumn,
  deals,
  dealScope,
  inList,
  inSpan,
  rawRows,
  raw,
  sql,
  type DateSpan,
  type Fragment,
  type Scope,
} from './sql'

/** Figures over the deals closed (won or lost) in a span. */

function closedIn(scope: Scope, closed: DateSpan, kinds: readonly ('won' | 'lost')[]): Fragment {
  const closedAt = dealColumn('closedAt')
  return sql`FROM stages s JOIN ${deals} ON o.stage_id = s.id
    WHERE ${inList('s.kind', kinds)} AND ${dealScope(scope)} AND ${raw(closedAt)} IS NOT NULL AND ${inSpan(closedAt, closed)}`
}

export type OutcomeDimension = 'all' | 'owner' | 'source' | 'productLine'

/** A deal won or lost in the span, with what every outcome figure reads of it. */
export interface ClosedDeal {
  owner: number | null
  source: string | null
  productLine: string | null
  kind: 'won' | 'lost'
  /** In the base currency, 0 when blank. */
  amount: number
  lossReason: string | null
  competitor: string | null
  pipelineId: number
  /** It follows an earlier deal of the customer (a renewal or repurchase). */
  repeat: boolean
  /** Days from creation to closing; only for wins. */
  cycleDays: number | null
}

/**
 * The deals won or lost in the span, read once for the win rate, the
 * leaderboard, deal size, losses and repurchase: one walk of the closing
 * index instead of one per chart, and no GROUP BY (SQLite sorts every row to
 * group them; a handful of groups are cheaper counted here).
 */
export function closedDeals(db: Database, scope: Scope, closed: DateSpan): ClosedDeal[] {
  type Row = [number | null, string | null, string | null, 'won' | 'lost', number, string | null, string | null, number, number, number | null]
  return rawRows<Row>(
    db,
    sql`SELECT o.owner_id, o.source, o.product_line, s.kind, ${dealBaseAmount(db, scope)}, o.loss_reason, o.competitor, o.pipeline_id,
        o.previous_opportunity_id IS NOT NULL, CASE WHEN s.kind = 'won' THEN julianday(o.closed_at) - julianday(o.created_at) END
      ${closedIn(scope, closed, ['won', 'lost'])}`,
  ).map(([owner, source, productLine, kind, amount, lossReason, competitor, pipelineId, repeat, cycleDays]) => ({
    owner,
    source,
    productLine,
    kind,
    amount,
    lossReason,
    competitor,
    pipelineId,
    repeat: repeat === 1,
    cycleDays,
  }))
}

export interface OutcomeCell {
  dimension: OutcomeDimension
  key: string | number | null
  kind: 'won' | 'lost'
  count: number
  amount: number
}

const dimensionKey: Record<OutcomeDimension, (deal: ClosedDeal) => GroupKey> = {
  all: () => null,
  owner: (d) => d.owner,
  source: (d) => d.source,
  productLine: (d) => d.productLine,
}

/** Won and lost counts and amounts, overall and per owner, source and product line (keys in SQL order, lost before won). */
export function outcomesByDimension(deals: readonly ClosedDeal[]): OutcomeCell[] {
  return (Object.keys(dimensionKey) as OutcomeDimension[]).flatMap((dimension) => {
    const byKey = new Map<GroupKey, Tallies<'won' | 'lost'>>()
    for (const deal of deals) {
      const key = dimensionKey[dimension](deal)
      let kinds = byKey.get(key)
      if (!kinds) byKey.set(key, (kinds = new Tallies()))
      kinds.add(deal.kind, deal.amount)
    }
    return [...byKey]
      .sort(([a], [b]) => compareKeys(a, b))
      .flatMap(([key, kinds]) => kinds.rows().map((t) => ({ dimension, key, kind: t.key, count: t.count, amount: t.amount })))
  })
}

export interface WonSummary {
  count: number
  amount: number
  averageAmount: number | null
  medianCycleDays: number | null
  averageCycleDays: number | null
}

/** Deals won in the span: their size, and days from creation to won (median and mean). */
export function wonSummary(deals: readonly ClosedDeal[]): WonSummary {
  const won = deals.filter((d) => d.kind === 'won')
  // Summed as the win rate sums it, so the two charts show the same won amount.
  const amount = new Total()
  for (const deal of won) amount.add(deal.amount)
  const cycle = spreadOf(won.map((d) => d.cycleDays!))
  return {
    count: won.length,
    amount: amount.value,
    averageAmount: won.length > 0 ? amount.value / won.length : null,
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

/** Deals lost in the span, by loss reason and then by competitor, each by amount (largest first). */
export function lossesByReason(deals: readonly ClosedDeal[]): LossCell[] {
  const reasons = new Tallies<string | null>()
  const competitors = new Tallies<string | null>()
  for (const deal of deals) {
    if (deal.kind !== 'lost') continue
    reasons.add(deal.lossReason, deal.amount)
    competitors.add(deal.competitor, deal.amount)
  }
  const cells = (dimension: LossCell['dimension'], tallies: Tallies<string | null>) =>
    tallies
      .rows()
      .map((t) => ({ dimension, key: t.key, count: t.count, amount: t.amount }))
      .sort((a, b) => b.amount - a.amount)
  return [...cells('competitor', competitors), ...cells('reason', reasons)]
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
export function renewalFigures(deals: readonly ClosedDeal[], renewalPipelineId: number | null): RenewalFigures {
  const wonAmount = new Total()
  const repeatAmount = new Total()
  const figures = { won: 0, lost: 0, repeatWins: 0 }
  for (const deal of deals) {
    const renewal = deal.pipelineId === renewalPipelineId
    if (deal.kind === 'lost') {
      if (renewal) figures.lost++
      continue
    }
    if (renewal) {
      figures.won++
      wonAmount.add(deal.amount)
    }
    if (deal.repeat) {
      figures.repeatWins++
      repeatAmount.add(deal.amount)
    }
  }
  return { ...figures, wonAmount: wonAmount.value, repeatAmount: repeatAmount.value }
}
