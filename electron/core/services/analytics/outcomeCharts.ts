import type { Collections, CountAmount, DealSize, Losses, Repurchase, WinRate, WinRateRow } from '../../../../shared/methods/analytics'
import { collectionFigures } from '../../store/analytics/collections'
import {
  closedDeals,
  lossesByReason,
  outcomesByDimension,
  renewalFigures,
  wonSummary,
  type ClosedDeal,
  type OutcomeCell,
  type OutcomeDimension,
} from '../../store/analytics/outcomes'
import { customerCounts } from '../../store/analytics/people'
import { between, drill, header, isIn, once, ratio, type AnalyticsContext } from './context'
import { addDays, monthsFrom } from './dates'

const closedIn = (ctx: AnalyticsContext) => between('closedAt', ctx.period)

/** The deals won or lost in the period, read once for every chart about them. */
const closed = (ctx: AnalyticsContext): ClosedDeal[] => once(ctx, 'closed', () => closedDeals(ctx.core.db, ctx.scope, ctx.span))

/** Won and lost figures of the period, shared by the win rate and the leaderboard. */
export const outcomes = (ctx: AnalyticsContext): OutcomeCell[] => once(ctx, 'outcomes', () => outcomesByDimension(closed(ctx)))

const dimensionColumn: Record<Exclude<OutcomeDimension, 'all'>, string> = {
  owner: 'ownerId',
  source: 'source',
  productLine: 'productLine',
}

function label(ctx: AnalyticsContext, dimension: OutcomeDimension, key: string | number | null): string {
  switch (dimension) {
    case 'all':
      return ctx.locale === 'zh-CN' ? '全部' : 'All'
    case 'owner':
      return ctx.labels.user(key as number | null)
    case 'source':
      return ctx.labels.pick('source', key as string | null)
    case 'productLine':
      return ctx.labels.pick('product_line', key as string | null)
  }
}

interface Tally {
  count: number
  amount: number
}

/** Won and lost counts and amounts, and the win rate by count and by amount. */
export function outcomeFigures(won: Tally, lost: Tally) {
  return {
    won: won.count,
    lost: lost.count,
    wonAmount: won.amount,
    lostAmount: lost.amount,
    rateByCount: ratio(won.count, won.count + lost.count),
    rateByAmount: ratio(won.amount, won.amount + lost.amount),
  }
}

function winRateRow(ctx: AnalyticsContext, dimension: OutcomeDimension, key: string | number | null, cells: OutcomeCell[]): WinRateRow {
  const of = (kind: 'won' | 'lost') => cells.find((c) => c.kind === kind) ?? { count: 0, amount: 0 }
  const won = of('won')
  const lost = of('lost')
  const keyFilter = dimension === 'all' ? null : isIn(dimensionColumn[dimension], [key])
  const closed = closedIn(ctx)
  return {
    key,
    label: label(ctx, dimension, key),
    ...outcomeFigures(won, lost),
    drill: {
      won: drill(ctx, 'opportunity', isIn('stageKind', ['won']), closed, keyFilter),
      lost: drill(ctx, 'opportunity', isIn('stageKind', ['lost']), closed, keyFilter),
      closed: drill(ctx, 'opportunity', isIn('stageKind', ['won', 'lost']), closed, keyFilter),
    },
  }
}

export function winRate(ctx: AnalyticsContext): WinRate {
  const cells = outcomes(ctx)
  const rows = (dimension: OutcomeDimension) => {
    const mine = cells.filter((c) => c.dimension === dimension)
    const keys = [...new Set(mine.map((c) => c.key))]
    return keys
      .map((key) => winRateRow(ctx, dimension, key, mine.filter((c) => c.key === key)))
      .sort((a, b) => b.wonAmount - a.wonAmount || b.won - a.won)
  }
  return {
    ...header(ctx),
    overall: winRateRow(ctx, 'all', null, cells.filter((c) => c.dimension === 'all')),
    byOwner: rows('owner'),
    bySource: rows('source'),
    byProductLine: rows('productLine'),
  }
}

export function dealSize(ctx: AnalyticsContext): DealSize {
  const won = wonSummary(closed(ctx))
  return {
    ...header(ctx),
    won: won.count,
    wonAmount: won.amount,
    averageAmount: won.averageAmount,
    medianCycleDays: won.medianCycleDays,
    averageCycleDays: won.averageCycleDays,
    drill: drill(ctx, 'opportunity', isIn('stageKind', ['won']), closedIn(ctx)),
  }
}

export function losses(ctx: AnalyticsContext): Losses {
  const cells = lossesByReason(closed(ctx))
  const lost = [isIn('stageKind', ['lost']), closedIn(ctx)]
  const rows = (dimension: 'reason' | 'competitor'): CountAmount[] =>
    cells
      .filter((c) => c.dimension === dimension)
      .map((c) => ({
        key: c.key,
        label: dimension === 'reason' ? ctx.labels.pick('loss_reason', c.key) : ctx.labels.text(c.key),
        count: c.count,
        amount: c.amount,
        drill: drill(ctx, 'opportunity', ...lost, isIn(dimension === 'reason' ? 'lossReason' : 'competitor', [c.key])),
      }))
  const byReason = rows('reason')
  return {
    ...header(ctx),
    total: {
      key: null,
      label: ctx.locale === 'zh-CN' ? '合计' : 'Total',
      count: byReason.reduce((n, r) => n + r.count, 0),
      amount: byReason.reduce((n, r) => n + r.amount, 0),
      drill: drill(ctx, 'opportunity', ...lost),
    },
    byReason,
    byCompetitor: rows('competitor'),
  }
}

export function repurchase(ctx: AnalyticsContext): Repurchase {
  const renewalPipeline = ctx.pipelines.find((p) => p.key === 'renewal')?.id ?? null
  const figures = renewalFigures(closed(ctx), renewalPipeline)
  const customers = customerCounts(ctx.core.db, ctx.scope)
  const renewal = (kind: 'won' | 'lost') =>
    renewalPipeline === null
      ? null
      : drill(ctx, 'opportunity', isIn('pipelineId', [renewalPipeline]), isIn('stageKind', [kind]), closedIn(ctx))
  return {
    ...header(ctx),
    renewals: {
      won: figures.won,
      lost: figures.lost,
      wonAmount: figures.wonAmount,
      rate: ratio(figures.won, figures.won + figures.lost),
      drill: { won: renewal('won'), lost: renewal('lost') },
    },
    repeatWins: { count: figures.repeatWins, amount: figures.repeatAmount },
    customers: {
      ...customers,
      share: ratio(customers.repeatCustomers, customers.customers),
      drill: {
        customers: drill(ctx, 'account', isIn('lifecycle', ['customer', 'repeat_customer'])),
        repeatCustomers: drill(ctx, 'account', isIn('lifecycle', ['repeat_customer'])),
      },
    },
  }
}

export function collections(ctx: AnalyticsContext): Collections {
  const figures = collectionFigures(ctx.core.db, ctx.scope, ctx.span, ctx.today)
  const byMonth = new Map(figures.months.map((r) => [r.month, r]))
  const months =
    ctx.span.from !== null && ctx.span.until !== null ? monthsFrom(ctx.span.from.slice(0, 7), addDays(ctx.span.until, -1).slice(0, 7)) : [...byMonth.keys()]
  return {
    ...header(ctx),
    months: months.map((month) => ({ month, due: byMonth.get(month)?.due ?? 0, received: byMonth.get(month)?.received ?? 0 })),
    due: figures.months.reduce((n, r) => n + r.due, 0),
    received: figures.months.reduce((n, r) => n + r.received, 0),
    overdue: figures.overdue,
  }
}
