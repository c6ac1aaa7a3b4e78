import type { CallMeta, ParsedInput } from '../../../../shared/api'
import type { Locale } from '../../../../shared/enums'
import {
  ChangeBucketKey,
  type ChangeBucket,
  type ChangedDeal,
  type Changes,
  type Snapshot,
} from '../../../../shared/methods/analytics'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import {
  autoSnapshotOfWeek,
  compareSnapshots,
  getSnapshot,
  insertSnapshot,
  listSnapshots,
  snapshotBefore,
  type DealChange,
} from '../../store/analytics/snapshots'
import { inTransaction } from '../context'
import { getSettings } from '../settings'
import { analyticsContext, type AnalyticsContext } from './context'
import { isoDate, isoWeekOf, weekStart } from './dates'

function take(core: Core, kind: 'auto' | 'manual', note: string | null, takenBy: number | null): Snapshot {
  const now = core.clock()
  const id = insertSnapshot(core.db, {
    takenAt: now.toISOString(),
    week: isoWeekOf(isoDate(now)),
    kind,
    takenBy,
    note,
    baseCurrency: getSettings(core).baseCurrency,
  })
  return getSnapshot(core.db, id)!
}

/** Copies the open pipeline now, on request. */
export function takeSnapshot(core: Core, input: { note?: string }, meta: CallMeta): Snapshot {
  const snapshot = inTransaction(core, () => take(core, 'manual', input.note ?? null, meta.userId))
  core.events.emit('data-changed', { entities: [], reason: 'snapshot' })
  return snapshot
}

/**
 * The weekly automatic snapshot: taken the first time this runs in an ISO
 * week (by the workspace clock), and never twice in one week. Surfaces call
 * it at startup; the weekly review calls it too.
 */
export function ensureWeeklySnapshot(core: Core): { snapshot: Snapshot; taken: boolean } {
  const week = isoWeekOf(isoDate(core.clock()))
  const result = inTransaction(core, () => {
    const existing = autoSnapshotOfWeek(core.db, week)
    return existing ? { snapshot: existing, taken: false } : { snapshot: take(core, 'auto', null, null), taken: true }
  })
  if (result.taken) core.events.emit('data-changed', { entities: [], reason: 'snapshot' })
  return result
}

export const snapshots = (core: Core): Snapshot[] => listSnapshots(core.db)

/**
 * "Since last week": the latest snapshot taken before this week began;
 * failing that (the first week of use), the latest one taken at all.
 */
export function lastWeeksSnapshot(core: Core, before: Date = core.clock()): Snapshot | undefined {
  const monday = weekStart(isoWeekOf(isoDate(before)))
  return snapshotBefore(core.db, monday) ?? snapshotBefore(core.db, new Date(before.getTime() + 1).toISOString())
}

type ChangesInput = ParsedInput<'analytics.changes'>

/** The open pipeline's waterfall between two snapshots, or from one to now. */
export function pipelineChanges(core: Core, input: ChangesInput, meta: CallMeta): Changes {
  const { fromSnapshotId, toSnapshotId, ...filters } = input
  const ctx = analyticsContext(core, { ...filters, period: 'all' }, meta)
  const from = fromSnapshotId === undefined ? lastWeeksSnapshot(core) : requireSnapshot(core, fromSnapshotId)
  if (!from) throw new AppError('NO_SNAPSHOT')
  const to = toSnapshotId === undefined ? null : requireSnapshot(core, toSnapshotId)
  const toMoment = to?.takenAt ?? core.clock().toISOString()
  const deals = compareSnapshots(core.db, from.id, to?.id ?? null, toMoment, ctx.scope)
  return waterfall(ctx, deals, from, to ? { snapshotId: to.id, takenAt: to.takenAt } : { snapshotId: null, takenAt: toMoment })
}

function requireSnapshot(core: Core, id: number): Snapshot {
  const snapshot = getSnapshot(core.db, id)
  if (!snapshot) throw new AppError('NOT_FOUND', { entity: 'snapshot', id })
  return snapshot
}

const bucketLabels: Record<ChangeBucketKey, Record<Locale, string>> = {
  created: { 'zh-CN': '新增', en: 'Created' },
  reopened: { 'zh-CN': '重新打开', en: 'Reopened' },
  increased: { 'zh-CN': '金额增加', en: 'Amount increased' },
  decreased: { 'zh-CN': '金额减少', en: 'Amount decreased' },
  won: { 'zh-CN': '赢单', en: 'Won' },
  lost: { 'zh-CN': '输单', en: 'Lost' },
  removed: { 'zh-CN': '移出（删除或不再符合筛选）', en: 'Removed (deleted or out of the filter)' },
  advanced: { 'zh-CN': '阶段推进', en: 'Advanced' },
  movedBack: { 'zh-CN': '阶段后退', en: 'Moved back' },
  pulledIn: { 'zh-CN': '成交日期提前', en: 'Close date pulled in' },
  pushedOut: { 'zh-CN': '成交日期推迟', en: 'Close date pushed out (slipped)' },
}

const flows: readonly ChangeBucketKey[] = ['created', 'reopened', 'increased', 'decreased', 'won', 'lost', 'removed']

/** Which buckets a deal falls in, with what it adds to each. */
function classify(deal: DealChange, fromTakenAt: string): [ChangeBucketKey, number][] {
  const before = deal.fromAmount ?? 0
  const after = deal.toAmount ?? 0
  if (deal.fromStageId === null) return [[deal.createdAt !== null && deal.createdAt > fromTakenAt ? 'created' : 'reopened', after]]
  if (deal.toStageId === null) return [[deal.leftAs === 'won' ? 'won' : deal.leftAs === 'lost' ? 'lost' : 'removed', -before]]
  const buckets: [ChangeBucketKey, number][] = []
  if (after > before) buckets.push(['increased', after - before])
  if (after < before) buckets.push(['decreased', after - before])
  if (deal.stageMove > 0) buckets.push(['advanced', after])
  if (deal.stageMove < 0) buckets.push(['movedBack', after])
  if (deal.fromCloseDate !== null && deal.toCloseDate !== null) {
    if (deal.toCloseDate < deal.fromCloseDate) buckets.push(['pulledIn', after])
    if (deal.toCloseDate > deal.fromCloseDate) buckets.push(['pushedOut', after])
  }
  return buckets
}

function waterfall(ctx: AnalyticsContext, deals: DealChange[], from: Snapshot, to: Changes['to']): Changes {
  const buckets = new Map<ChangeBucketKey, ChangeBucket>(
    ChangeBucketKey.options.map((key) => [
      key,
      { key, label: bucketLabels[key][ctx.locale], flow: flows.includes(key), count: 0, amount: 0, deals: [] },
    ]),
  )
  let startAmount = 0
  let endAmount = 0
  let startCount = 0
  let endCount = 0
  for (const deal of deals) {
    if (deal.fromStageId !== null) {
      startAmount += deal.fromAmount ?? 0
      startCount += 1
    }
    if (deal.toStageId !== null) {
      endAmount += deal.toAmount ?? 0
      endCount += 1
    }
    for (const [key, amount] of classify(deal, from.takenAt)) {
      const bucket = buckets.get(key)!
      bucket.count += 1
      bucket.amount += amount
      bucket.deals.push(changedDeal(ctx, deal, amount))
    }
  }
  return {
    money: ctx.money,
    from: { snapshotId: from.id, takenAt: from.takenAt },
    to,
    startAmount,
    endAmount,
    startCount,
    endCount,
    buckets: [...buckets.values()],
  }
}

function changedDeal(ctx: AnalyticsContext, deal: DealChange, amount: number): ChangedDeal {
  return {
    opportunityId: deal.opportunityId,
    name: deal.name ?? `#${deal.opportunityId}`,
    ownerName: deal.ownerId === null ? null : ctx.labels.user(deal.ownerId),
    fromStage: deal.fromStageId === null ? null : ctx.labels.stage(deal.fromStageId),
    toStage: deal.toStageId === null ? null : ctx.labels.stage(deal.toStageId),
    fromAmount: deal.fromAmount,
    toAmount: deal.toAmount,
    fromCloseDate: deal.fromCloseDate,
    toCloseDate: deal.toCloseDate,
    amount,
  }
}
