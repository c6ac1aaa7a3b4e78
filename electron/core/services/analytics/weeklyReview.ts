import type { CallMeta, ParsedInput } from '../../../../shared/api'
import type { Currency } from '../../../../shared/enums'
import type { Changes, WeeklyReviewResult } from '../../../../shared/methods/analytics'
import type { Core } from '../../core'
import { workbookBuffer, writeWorkbook, type SheetColumn, type SheetSpec } from '../../excel/write'
import { dealsClosed, dealsCreated, dealsOpenOrClosedIn, dealsStaleOrOverdue, type DealRow } from '../../store/analytics/dealLists'
import { openByStage, type StageFigures } from '../../store/analytics/pipeline'
import { snapshotBefore, snapshotFrom } from '../../store/analytics/snapshots'
import { outputPath } from '../exports/files'
import { analyticsContext, withSpan, type AnalyticsContext } from './context'
import { addDays, isoDate, isoWeekOf, monthStart, nextMonth, previousWeek, weekStart } from './dates'
import { collections, winRate } from './outcomeCharts'
import { leaderboard } from './peopleCharts'
import { forecast, funnel, scopeStages, stale } from './pipelineCharts'
import { wordsIn, type Word } from './reviewText'
import { ensureWeeklySnapshot, pipelineChanges } from './snapshots'

type Row = Record<string, unknown>

/**
 * The weekly review: one workbook a manager can send as it is, in the
 * reader's language, every figure from the same functions as the dashboard.
 */
export async function writeWeeklyReview(
  core: Core,
  input: ParsedInput<'analytics.weeklyReview'>,
  meta: CallMeta,
): Promise<WeeklyReviewResult> {
  const week = input.week ?? isoWeekOf(isoDate(core.clock()))
  const file =
    input.file !== undefined || input.toExportsFolder ? outputPath(core, input.file, `weekly-review-${week}`, 'xlsx') : null
  ensureWeeklySnapshot(core)
  const sheets = weeklyReviewSheets(core, week, input.ownerId ?? null, meta)
  const counts = sheets.map((s) => ({ name: s.name, rows: (s.rows as Row[]).length }))
  if (file !== null) {
    await writeWorkbook(sheets, file)
    return { week, file, base64: null, sheets: counts }
  }
  return { week, file: null, base64: (await workbookBuffer(sheets)).toString('base64'), sheets: counts }
}

interface Review {
  ctx: AnalyticsContext
  /** Last week under the same filters. */
  before: AnalyticsContext
  t: (word: Word) => string
  week: string
  /** The week's days [Monday, next Monday). */
  span: { from: string; until: string }
  /** The open pipeline now, by stage (in board order). */
  open: (StageFigures & { pipelineId: number; label: string })[]
  /** The review week's month and the two after it. */
  months: AnalyticsContext
}

export function weeklyReviewSheets(core: Core, week: string, ownerId: number | null, meta: CallMeta): SheetSpec[] {
  const filters = ownerId === null ? {} : { ownerIds: [ownerId] }
  const monday = weekStart(week)
  const span = { from: monday, until: addDays(monday, 7) }
  const ctx = analyticsContext(core, { ...filters, period: { from: monday, to: addDays(monday, 6) } }, meta)
  const firstMonth = monday.slice(0, 7)
  const review: Review = {
    ctx,
    before: withSpan(ctx, { from: weekStart(previousWeek(week)), until: monday }),
    t: wordsIn(meta.locale),
    week,
    span,
    open: openPipeline(ctx),
    months: withSpan(ctx, { from: monthStart(firstMonth), until: monthStart(nextMonth(nextMonth(nextMonth(firstMonth)))) }),
  }
  const changes = weekChanges(core, review, filters, meta)
  return [
    summarySheet(review, changes),
    byStageSheet(review),
    changesSheet(review, changes),
    dealSheet(review, 'newDeals', dealsCreated(core.db, review.ctx.scope, review.ctx.now, review.span)),
    dealSheet(review, 'won', dealsClosed(core.db, review.ctx.scope, review.ctx.now, 'won', review.span)),
    dealSheet(review, 'lost', dealsClosed(core.db, review.ctx.scope, review.ctx.now, 'lost', review.span), ['lossReason', 'competitor', 'lossNote']),
    staleSheet(review),
    forecastSheet(review),
    collectionsSheet(review),
    ...repSheets(review),
  ]
}

function openPipeline(ctx: AnalyticsContext): Review['open'] {
  const figures = new Map(openByStage(ctx.core.db, ctx.scope).map((f) => [f.stageId, f]))
  return scopeStages(ctx, new Set(figures.keys()))
    .filter((s) => s.kind === 'open')
    .map((s) => ({ stageId: s.id, pipelineId: s.pipelineId, label: ctx.labels.stage(s.id), count: 0, amount: 0, weightedAmount: 0, ...figures.get(s.id) }))
}

/**
 * From the latest snapshot taken before the week began (failing that, the
 * first one taken in it) to the first one taken after it ended, or to now
 * for the current week.
 */
function weekChanges(core: Core, review: Review, filters: { ownerIds?: number[] }, meta: CallMeta): Changes | null {
  const [start, end] = [`${review.span.from}T00:00:00.000Z`, `${review.span.until}T00:00:00.000Z`]
  const from = snapshotBefore(core.db, start) ?? snapshotFrom(core.db, start)
  if (!from || from.takenAt >= end) return null
  const after = snapshotFrom(core.db, end)
  return pipelineChanges(core, { ...filters, fromSnapshotId: from.id, toSnapshotId: after?.id }, meta)
}

const base = (review: Review) => review.ctx.money.currency as Currency

/** An amount column in the base currency. */
const moneyColumn = (review: Review, key: string, word: Word): SheetColumn => ({
  key,
  header: review.t(word),
  type: 'currency',
  currency: base(review),
})

function summarySheet(review: Review, changes: Changes | null): SheetSpec {
  const { ctx, before, t } = review
  const [now, then] = [ctx, before].map((c) => {
    const board = leaderboard(c).rows
    return {
      created: funnel(c).total,
      outcome: winRate(c).overall,
      followUps: board.reduce((n, r) => n + r.followUps, 0),
      overdueTasks: board.reduce((n, r) => n + r.overdueTasks, 0),
      money: collections(c),
    }
  })
  const current = stale(ctx)
  const open = review.open
  const rates = ctx.money.rates.filter((r) => r.currency !== ctx.money.currency).map((r) => `${r.currency} ${r.rate}`)
  const rows: Row[] = [
    { metric: t('kpiNew'), count: now!.created.count, countBefore: then!.created.count, amount: now!.created.amount, amountBefore: then!.created.amount },
    { metric: t('kpiWon'), count: now!.outcome.won, countBefore: then!.outcome.won, amount: now!.outcome.wonAmount, amountBefore: then!.outcome.wonAmount },
    { metric: t('kpiLost'), count: now!.outcome.lost, countBefore: then!.outcome.lost, amount: now!.outcome.lostAmount, amountBefore: then!.outcome.lostAmount },
    { metric: t('kpiWinRate'), rate: percent(now!.outcome.rateByCount), rateBefore: percent(then!.outcome.rateByCount) },
    // The week's end is the snapshot taken after it, or now for the current week.
    {
      metric: t('kpiOpen'),
      count: changes?.endCount ?? open.reduce((n, l) => n + l.count, 0),
      countBefore: changes?.startCount,
      amount: changes?.endAmount ?? open.reduce((n, l) => n + l.amount, 0),
      amountBefore: changes?.startAmount,
    },
    { metric: t('kpiWeighted'), amount: open.reduce((n, l) => n + l.weightedAmount, 0) },
    { metric: t('kpiStale'), count: current.total.count, amount: current.total.amount },
    { metric: t('kpiOverdueTasks'), count: now!.overdueTasks },
    { metric: t('kpiFollowUps'), count: now!.followUps, countBefore: then!.followUps },
    { metric: t('kpiDue'), amount: now!.money.due, amountBefore: then!.money.due },
    { metric: t('kpiReceived'), amount: now!.money.received, amountBefore: then!.money.received },
    { metric: `${t('kpiWeek')}: ${review.week} (${review.span.from} ~ ${addDays(review.span.until, -1)})` },
    { metric: `${t('kpiBasis')}: ${ctx.money.currency} (${rates.join(', ')})` },
    { metric: `${t('kpiSnapshot')}: ${changes ? changes.from.takenAt.slice(0, 16).replace('T', ' ') : t('noSnapshot')}` },
  ]
  return {
    name: t('summary'),
    columns: [
      { key: 'metric', header: t('metric'), type: 'text', width: 40 },
      { key: 'count', header: t('thisWeekCount'), type: 'number' },
      { key: 'countBefore', header: t('lastWeekCount'), type: 'number' },
      moneyColumn(review, 'amount', 'thisWeekAmount'),
      moneyColumn(review, 'amountBefore', 'lastWeekAmount'),
      { key: 'rate', header: t('thisWeekRate'), type: 'percent' },
      { key: 'rateBefore', header: t('lastWeekRate'), type: 'percent' },
    ],
    rows,
  }
}

/** A ratio as the 0–100 the writer's percent columns take. */
const percent = (ratio: number | null) => (ratio === null ? null : ratio * 100)

function byStageSheet(review: Review): SheetSpec {
  const { ctx, t } = review
  return {
    name: t('byStage'),
    columns: [
      { key: 'pipeline', header: t('pipeline'), type: 'text' },
      { key: 'stage', header: t('stage'), type: 'text' },
      { key: 'count', header: t('count'), type: 'number' },
      moneyColumn(review, 'amount', 'amount'),
      moneyColumn(review, 'weighted', 'weighted'),
    ],
    rows: review.open.map((l) => ({
      pipeline: ctx.labels.pipeline(l.pipelineId),
      stage: l.label,
      count: l.count,
      amount: l.amount,
      weighted: l.weightedAmount,
    })),
  }
}

function changesSheet(review: Review, changes: Changes | null): SheetSpec {
  const { t } = review
  const rows: Row[] = changes
    ? [
        { bucket: t('startTotal'), change: changes.startAmount },
        ...changes.buckets.flatMap((b) =>
          b.deals.map((d) => ({
            bucket: b.label,
            deal: d.name,
            owner: d.ownerName,
            fromStage: d.fromStage,
            toStage: d.toStage,
            fromAmount: d.fromAmount,
            toAmount: d.toAmount,
            change: d.amount,
            fromClose: d.fromCloseDate,
            toClose: d.toCloseDate,
          })),
        ),
        { bucket: t('endTotal'), change: changes.endAmount },
      ]
    : [{ bucket: t('noSnapshot') }]
  return {
    name: t('changes'),
    columns: [
      { key: 'bucket', header: t('bucket'), type: 'text' },
      { key: 'deal', header: t('deal'), type: 'text' },
      { key: 'owner', header: t('owner'), type: 'text' },
      { key: 'fromStage', header: t('fromStage'), type: 'text' },
      { key: 'toStage', header: t('toStage'), type: 'text' },
      moneyColumn(review, 'fromAmount', 'fromAmount'),
      moneyColumn(review, 'toAmount', 'toAmount'),
      moneyColumn(review, 'change', 'change'),
      { key: 'fromClose', header: t('fromClose'), type: 'date' },
      { key: 'toClose', header: t('toClose'), type: 'date' },
    ],
    rows,
  }
}

type DealExtra = 'lossReason' | 'competitor' | 'lossNote' | 'issue' | 'status' | 'lastActivity'

function dealColumns(review: Review, extra: readonly DealExtra[]): SheetColumn[] {
  const { t } = review
  const extras: Record<DealExtra, SheetColumn> = {
    lossReason: { key: 'lossReason', header: t('lossReason'), type: 'text' },
    competitor: { key: 'competitor', header: t('competitor'), type: 'text' },
    lossNote: { key: 'lossNote', header: t('lossNote'), type: 'text', width: 40 },
    issue: { key: 'issue', header: t('issue'), type: 'text' },
    status: { key: 'status', header: t('status'), type: 'text' },
    lastActivity: { key: 'lastActivity', header: t('lastActivity'), type: 'datetime' },
  }
  return [
    { key: 'name', header: t('deal'), type: 'text', width: 36 },
    { key: 'account', header: t('account'), type: 'text', width: 28 },
    { key: 'owner', header: t('owner'), type: 'text' },
    { key: 'stage', header: t('stage'), type: 'text' },
    ...extra.filter((e) => e === 'status' || e === 'issue').map((e) => extras[e]),
    { key: 'amount', header: t('originalAmount'), type: 'currency', currency: { field: 'currency' } },
    { key: 'currency', header: t('currency'), type: 'text', width: 8 },
    { ...moneyColumn(review, 'baseAmount', 'amount'), header: `${t('amount')} (${review.ctx.money.currency})` },
    { key: 'probability', header: t('probability'), type: 'percent' },
    { key: 'expectedClose', header: t('expectedClose'), type: 'date' },
    { key: 'source', header: t('source'), type: 'text' },
    { key: 'productLine', header: t('productLine'), type: 'text' },
    { key: 'created', header: t('created'), type: 'datetime' },
    { key: 'closed', header: t('closed'), type: 'datetime' },
    ...extra.filter((e) => e !== 'status' && e !== 'issue').map((e) => extras[e]),
  ]
}

function dealRow(review: Review, deal: DealRow): Row {
  const { ctx, t } = review
  return {
    name: deal.name,
    account: deal.accountName,
    owner: ctx.labels.user(deal.ownerId),
    stage: ctx.locale === 'zh-CN' ? deal.stageNameZh : deal.stageNameEn,
    status: deal.stageKind === 'open' ? t('open') : t(deal.stageKind),
    amount: deal.amount,
    currency: deal.currency,
    baseAmount: deal.baseAmount,
    probability: deal.probability,
    expectedClose: deal.expectedCloseDate,
    source: deal.source === null ? null : ctx.labels.pick('source', deal.source),
    productLine: deal.productLine === null ? null : ctx.labels.pick('product_line', deal.productLine),
    created: deal.createdAt,
    closed: deal.closedAt,
    lossReason: deal.lossReason === null ? null : ctx.labels.pick('loss_reason', deal.lossReason),
    competitor: deal.competitor,
    lossNote: deal.lossNote,
    lastActivity: deal.lastActivityAt,
    issue: [deal.isRotting ? t('stale') : null, deal.expectedCloseDate !== null && deal.expectedCloseDate < ctx.today ? t('overdue') : null]
      .filter(Boolean)
      .join(' / '),
  }
}

function dealSheet(review: Review, name: Word, deals: DealRow[], extra: readonly DealExtra[] = []): SheetSpec {
  return { name: review.t(name), columns: dealColumns(review, extra), rows: deals.map((d) => dealRow(review, d)) }
}

function staleSheet(review: Review): SheetSpec {
  const deals = dealsStaleOrOverdue(review.ctx.core.db, review.ctx.scope, review.ctx.now)
  return dealSheet(review, 'staleOverdue', deals, ['issue', 'lastActivity'])
}

function forecastSheet(review: Review): SheetSpec {
  const { t } = review
  const f = forecast(review.months)
  return {
    name: t('forecast'),
    columns: [
      { key: 'month', header: t('month'), type: 'text' },
      moneyColumn(review, 'target', 'target'),
      moneyColumn(review, 'won', 'wonAmount'),
      moneyColumn(review, 'commit', 'commit'),
      moneyColumn(review, 'bestCase', 'bestCase'),
      moneyColumn(review, 'pipeline', 'pipelineCategory'),
      moneyColumn(review, 'weighted', 'weighted'),
      moneyColumn(review, 'remaining', 'remaining'),
      { key: 'coverage', header: t('coverage'), type: 'percent' },
    ],
    rows: f.months.map((m) => ({
      month: m.month,
      target: m.target,
      won: m.won.amount,
      commit: m.commit.amount,
      bestCase: m.bestCase.amount,
      pipeline: m.pipeline.amount,
      weighted: m.open.weightedAmount,
      remaining: m.remaining,
      coverage: percent(m.coverage),
    })),
  }
}

function collectionsSheet(review: Review): SheetSpec {
  const { t } = review
  const c = collections(review.months)
  return {
    name: t('collections'),
    columns: [
      { key: 'month', header: t('month'), type: 'text', width: 24 },
      moneyColumn(review, 'due', 'due'),
      moneyColumn(review, 'received', 'received'),
    ],
    rows: [...c.months.map((m) => ({ month: m.month, due: m.due, received: m.received })), { month: t('overdueTotal'), due: c.overdue.amount }],
  }
}

/** One sheet per rep: their open deals and those they closed this week. */
function repSheets(review: Review): SheetSpec[] {
  const deals = dealsOpenOrClosedIn(review.ctx.core.db, review.ctx.scope, review.ctx.now, review.span)
  const byOwner = new Map<number | null, DealRow[]>()
  for (const deal of deals) {
    const mine = byOwner.get(deal.ownerId)
    if (mine) mine.push(deal)
    else byOwner.set(deal.ownerId, [deal])
  }
  return [...byOwner.entries()].map(([ownerId, mine]) => ({
    name: review.ctx.labels.user(ownerId),
    columns: dealColumns(review, ['status', 'issue', 'lastActivity']),
    rows: mine.map((d) => dealRow(review, d)),
  }))
}
