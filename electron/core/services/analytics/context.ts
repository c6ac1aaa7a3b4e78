import type { CallMeta } from '../../../../shared/api'
import { resolveDatePreset } from '../../../../shared/datePresets'
import type { CustomField, Pipeline, Stage } from '../../../../shared/entities'
import { AppError } from '../../errors'
import type { GridEntity, Locale } from '../../../../shared/enums'
import type { AnalyticsFilters, Drill, MoneyBasis, ResolvedPeriod } from '../../../../shared/methods/analytics'
import type { Core } from '../../core'
import { listRates } from '../../store/analytics/rates'
import type { CustomPick, DateSpan, Scope } from '../../store/analytics/sql'
import { listFields } from '../../store/customFields'
import { listPipelines, listStages, listUsers } from '../../store/reference'
import { getSettings } from '../settings'
import { makeLabels, type Labels } from './labels'
import { addDays, isoDate } from './dates'

export type GridFilter = NonNullable<Drill>['filters'][number]

/** Everything a chart needs, resolved once per request. */
export interface AnalyticsContext {
  core: Core
  locale: Locale
  scope: Scope
  /** The period as the caller sees it (inclusive) and as SQL reads it (half-open). */
  period: ResolvedPeriod
  span: DateSpan
  /** Now and today on the workspace clock. */
  now: string
  today: string
  money: MoneyBasis
  stages: Stage[]
  pipelines: Pipeline[]
  labels: Labels
  /** The scope as grid filters per entity; null where a grid cannot express it. */
  drillBase: Record<'opportunity' | 'lead' | 'account' | 'activity' | 'task', GridFilter[] | null>
  /** Store answers that several charts share, read once per request. */
  shared: Map<string, unknown>
}

/** A store answer shared by several charts of one request (the dashboard reads each once). */
export function once<T>(ctx: AnalyticsContext, key: string, read: () => T): T {
  if (!ctx.shared.has(key)) ctx.shared.set(key, read())
  return ctx.shared.get(key) as T
}

export function analyticsContext(core: Core, filters: AnalyticsFilters, meta: CallMeta): AnalyticsContext {
  const now = core.clock()
  const span = resolvePeriod(filters.period, now)
  const ownerIds = resolveOwners(core, filters)
  const baseCurrency = getSettings(core).baseCurrency
  const scope: Scope = {
    ownerIds,
    sources: filters.sources ?? null,
    productLines: filters.productLines ?? null,
    regions: filters.regions ?? null,
    pipelineId: filters.pipelineId ?? null,
    custom: resolveCustomPicks(core, filters),
    baseCurrency,
  }
  const stages = listStages(core.db)
  const pipelines = listPipelines(core.db)
  return {
    core,
    locale: meta.locale,
    scope,
    span,
    period: periodOf(span),
    now: now.toISOString(),
    today: isoDate(now),
    money: { currency: baseCurrency, rates: listRates(core.db) },
    stages,
    pipelines,
    labels: makeLabels(core, meta.locale, stages, pipelines),
    drillBase: drillBases(scope),
    shared: new Map(),
  }
}

/** A half-open span as the inclusive period callers read. */
const periodOf = (span: DateSpan): ResolvedPeriod => ({ from: span.from, to: span.until === null ? null : addDays(span.until, -1) })

/** The same context over another period (half-open span). */
export function withSpan(ctx: AnalyticsContext, span: DateSpan): AnalyticsContext {
  return { ...ctx, span, period: periodOf(span), shared: new Map() }
}

/** Presets read the workspace clock; explicit dates are inclusive (the contract keeps from ≤ to); 'all' is unbounded. */
function resolvePeriod(period: AnalyticsFilters['period'], now: Date): DateSpan {
  if (period === 'all') return { from: null, until: null }
  if (typeof period === 'object') return { from: period.from, until: addDays(period.to, 1) }
  const range = resolveDatePreset(period, now)
  return { from: range.from ?? null, until: range.to ?? null }
}

/** Owners picked one by one and/or by team (both given: those in both). */
function resolveOwners(core: Core, filters: AnalyticsFilters): number[] | null {
  if (filters.team === undefined) return filters.ownerIds ?? null
  const team = listUsers(core.db)
    .filter((u) => u.team === filters.team)
    .map((u) => u.id)
  return filters.ownerIds ? team.filter((id) => filters.ownerIds!.includes(id)) : team
}

/** The live opportunity picklist fields a caller may filter and group by. */
export const picklistFields = (core: Core): CustomField[] =>
  listFields(core.db, 'opportunity').filter((f) => f.type === 'picklist' || f.type === 'multiPicklist')

/** Custom picklist filters, each checked against the live field list (an unknown or non-picklist key is refused). */
function resolveCustomPicks(core: Core, filters: AnalyticsFilters): CustomPick[] | null {
  const entries = Object.entries(filters.custom ?? {})
  if (entries.length === 0) return null
  const fields = new Map(picklistFields(core).map((f) => [f.key, f]))
  return entries.map(([key, values]) => {
    const field = fields.get(key)
    if (!field) throw new AppError('CUSTOM_FIELD_UNKNOWN', { key })
    return { key, multi: field.type === 'multiPicklist', values }
  })
}

function drillBases(scope: Scope): AnalyticsContext['drillBase'] {
  const inFilter = (column: string, values: readonly (string | number | null)[] | null): GridFilter[] =>
    values ? [{ column, op: 'in', value: [...values] }] : []
  const owners = inFilter('ownerId', scope.ownerIds)
  const sources = inFilter('source', scope.sources)
  const regions = inFilter('region', scope.regions)
  return {
    // The opportunity grid has no region column, so a region filter cannot be handed on.
    opportunity: scope.regions
      ? null
      : [
          ...owners,
          ...sources,
          ...inFilter('productLine', scope.productLines),
          ...inFilter('pipelineId', scope.pipelineId === null ? null : [scope.pipelineId]),
          ...(scope.custom ?? []).flatMap((pick) => inFilter(`custom.${pick.key}`, pick.values)),
        ],
    lead: [...owners, ...sources, ...regions],
    account: [...owners, ...sources, ...regions],
    activity: owners,
    task: inFilter('assigneeId', scope.ownerIds),
  }
}

/** A drill-down for `entity`: the scope's filters plus the figure's own; null when the scope cannot be expressed. */
export function drill(ctx: AnalyticsContext, entity: keyof AnalyticsContext['drillBase'], ...filters: (GridFilter | null)[]): Drill {
  const base = ctx.drillBase[entity]
  if (base === null) return null
  return { entity: entity as GridEntity, filters: [...base, ...filters.filter((f): f is GridFilter => f !== null)] }
}

/** A grid filter for a date column over an inclusive range; null when the range is unbounded. */
export function between(column: string, range: ResolvedPeriod): GridFilter | null {
  if (range.from === null && range.to === null) return null
  return { column, op: 'between', value: { from: range.from, to: range.to } }
}

export const ratio = (part: number, whole: number | null): number | null => (whole !== null && whole > 0 ? part / whole : null)

/** What every chart answer starts with: its period and the money basis its amounts are in. */
export const header = (ctx: AnalyticsContext) => ({ period: ctx.period, money: ctx.money })

export const isIn = (column: string, values: (string | number | null)[]): GridFilter => ({ column, op: 'in', value: values })

