import type { Stage } from '../../../../shared/entities'
import type { CountAmount, Forecast, ForecastMonth, Funnel, Stale } from '../../../../shared/methods/analytics'
import {
  createdDeals,
  forecastMonthBounds,
  funnelByStage,
  openByCloseMonth,
  openByOwner,
  pastDue,
  wonByMonth,
  type CreatedDeal,
  type ForecastCell,
  type OwnerFigures,
} from '../../store/analytics/pipeline'
import { targetsByMonth } from '../../store/analytics/targets'
import { between, drill, header, isIn, once, ratio, type AnalyticsContext, type GridFilter } from './context'
import { addDays, monthEnd, monthsFrom, monthStart, nextMonth } from './dates'

/** Stages of the pipelines in scope that are in use or still hold the given deals, in board order. */
export function scopeStages(ctx: AnalyticsContext, withData: ReadonlySet<number> = new Set()): Stage[] {
  return ctx.stages.filter(
    (s) => (ctx.scope.pipelineId === null || s.pipelineId === ctx.scope.pipelineId) && (s.active || withData.has(s.id)),
  )
}

/** The deals created in the period, read once for the funnel and the sources chart. */
export const created = (ctx: AnalyticsContext): CreatedDeal[] => once(ctx, 'created', () => createdDeals(ctx.core.db, ctx.scope, ctx.span))

export function funnel(ctx: AnalyticsContext): Funnel {
  const rows = new Map(funnelByStage(created(ctx)).map((r) => [r.stageId, r]))
  const createdIn = between('createdAt', ctx.period)
  const layers = scopeStages(ctx, new Set(rows.keys())).map((stage) => {
    const row = rows.get(stage.id)
    return {
      stageId: stage.id,
      pipelineId: stage.pipelineId,
      key: stage.key,
      label: ctx.labels.stage(stage.id),
      kind: stage.kind,
      count: row?.count ?? 0,
      amount: row?.amount ?? 0,
      weightedAmount: row?.weightedAmount ?? 0,
      drill: drill(ctx, 'opportunity', createdIn, isIn('stageId', [stage.id])),
    }
  })
  const sum = (key: 'count' | 'amount' | 'weightedAmount') => layers.reduce((total, layer) => total + layer[key], 0)
  return {
    ...header(ctx),
    layers,
    total: { count: sum('count'), amount: sum('amount'), weightedAmount: sum('weightedAmount'), drill: drill(ctx, 'opportunity', createdIn) },
  }
}

/** Open deals per owner now, with their stale part: shared by the stale-deal chart and the leaderboard. */
export const openDeals = (ctx: AnalyticsContext): OwnerFigures[] => once(ctx, 'open', () => openByOwner(ctx.core.db, ctx.scope, ctx.now))

const staleFilters = [isIn('stageKind', ['open']), { column: 'isRotting', op: 'equals', value: 1 } as GridFilter]

export function stale(ctx: AnalyticsContext): Stale {
  const rows = openDeals(ctx).filter((r) => r.staleCount > 0)
  const byOwner: CountAmount[] = rows
    .map((r) => ({
      key: r.ownerId,
      label: ctx.labels.user(r.ownerId),
      count: r.staleCount,
      amount: r.staleAmount,
      drill: drill(ctx, 'opportunity', ...staleFilters, isIn('ownerId', [r.ownerId])),
    }))
    .sort((a, b) => b.count - a.count || b.amount - a.amount)
  return {
    ...header(ctx),
    total: {
      key: null,
      label: ctx.locale === 'zh-CN' ? '合计' : 'Total',
      count: rows.reduce((n, r) => n + r.staleCount, 0),
      amount: rows.reduce((n, r) => n + r.staleAmount, 0),
      drill: drill(ctx, 'opportunity', ...staleFilters),
    },
    byOwner,
  }
}

type Category = 'commit' | 'bestCase' | 'pipeline'
const categoryOf: Record<string, Category> = { commit: 'commit', best_case: 'bestCase', pipeline: 'pipeline' }
const forecastStageCategory: Record<Category, string> = { commit: 'commit', bestCase: 'best_case', pipeline: 'pipeline' }

/** The months the period touches (whole months); for an open-ended period, those holding deals. */
function forecastMonths(ctx: AnalyticsContext): string[] {
  const bounds =
    ctx.span.from === null || ctx.span.until === null ? forecastMonthBounds(ctx.core.db, ctx.scope) : { first: null, last: null }
  const first = ctx.span.from?.slice(0, 7) ?? bounds.first
  const last = ctx.span.until === null ? bounds.last : addDays(ctx.span.until, -1).slice(0, 7)
  return first === null || last === null ? [] : monthsFrom(first, last)
}

export function forecast(ctx: AnalyticsContext): Forecast {
  const months = forecastMonths(ctx)
  const span = months.length > 0 ? { from: monthStart(months[0]!), until: monthStart(nextMonth(months.at(-1)!)) } : null
  const db = ctx.core.db
  const open = span ? openByCloseMonth(db, ctx.scope, span, ctx.today) : []
  const won = new Map((span ? wonByMonth(db, ctx.scope, span) : []).map((w) => [w.month, w]))
  const targets = new Map(
    (span ? targetsByMonth(db, months[0]!, months.at(-1)!, ctx.scope.ownerIds) : []).map((t) => [
      t.month,
      ctx.scope.ownerIds ? t.owners : (t.team ?? t.owners),
    ]),
  )
  const monthRows = months.map((month) =>
    forecastFigures(
      ctx,
      { from: monthStart(month), to: monthEnd(month) },
      open.filter((c) => c.month === month),
      won.get(month) ?? { count: 0, amount: 0 },
      targets.get(month) ?? null,
    ),
  )
  const allTargets = monthRows.map((m) => m.target).filter((t): t is number => t !== null)
  const total = forecastFigures(
    ctx,
    { from: span ? span.from : null, to: span ? addDays(span.until, -1) : null },
    open,
    { count: monthRows.reduce((n, m) => n + m.won.count, 0), amount: monthRows.reduce((n, m) => n + m.won.amount, 0) },
    allTargets.length > 0 ? allTargets.reduce((a, b) => a + b, 0) : null,
  )
  const late = pastDue(db, ctx.scope, ctx.today)
  return {
    ...header(ctx),
    months: monthRows.map((row, i) => ({ month: months[i]!, ...row })),
    total,
    pastDue: {
      ...late,
      drill: drill(ctx, 'opportunity', isIn('stageKind', ['open']), between('expectedCloseDate', { from: null, to: addDays(ctx.today, -1) })),
    },
  }
}

/** One forecast row over the open cells of its months. */
function forecastFigures(
  ctx: AnalyticsContext,
  range: { from: string | null; to: string | null },
  cells: ForecastCell[],
  won: { count: number; amount: number },
  target: number | null,
): Omit<ForecastMonth, 'month'> {
  const closing = between('expectedCloseDate', range)
  // A deal whose own category differs from its stage's cannot be found with a stage filter.
  const exact = cells.every((c) => c.overridden === 0)
  const openStages = (categories: Category[]) =>
    scopeStages(ctx)
      .filter((s) => s.kind === 'open' && categories.some((c) => forecastStageCategory[c] === s.forecastCategory))
      .map((s) => s.id)
  const figure = (categories: Category[]) => {
    const mine = cells.filter((c) => categories.includes(categoryOf[c.category]!))
    return {
      count: mine.reduce((n, c) => n + c.count, 0),
      amount: mine.reduce((n, c) => n + c.amount, 0),
      weightedAmount: mine.reduce((n, c) => n + c.weightedAmount, 0),
      drill: exact ? drill(ctx, 'opportunity', closing, isIn('stageId', openStages(categories))) : null,
    }
  }
  const all = figure(['commit', 'bestCase', 'pipeline'])
  const counted = cells.filter((c) => categoryOf[c.category] !== undefined)
  const remaining = target === null ? null : Math.max(0, target - won.amount)
  return {
    target,
    won: { ...won, drill: drill(ctx, 'opportunity', isIn('stageKind', ['won']), between('closedAt', range)) },
    commit: figure(['commit']),
    bestCase: figure(['bestCase']),
    pipeline: figure(['pipeline']),
    open: all,
    overdue: { count: counted.reduce((n, c) => n + c.overdueCount, 0), amount: counted.reduce((n, c) => n + c.overdueAmount, 0) },
    remaining,
    coverage: ratio(all.amount, remaining),
  }
}
