import type { CallMeta } from '../../../../shared/api'
import { Dashboard, type AnalyticsFilters } from '../../../../shared/methods/analytics'
import type { Core } from '../../core'
import { refreshStageFacts, stageFactsBehind } from '../../store/analytics/facts'
import { inTransaction } from '../context'
import { askHelper } from './chartHelper'
import { analyticsContext, header, type AnalyticsContext } from './context'
import { conversion, dwell } from './historyCharts'
import { collections, dealSize, losses, repurchase, winRate } from './outcomeCharts'
import { leaderboard, sources } from './peopleCharts'
import { forecast, funnel, stale } from './pipelineCharts'

/**
 * Every chart of the dashboard. The API's per-chart methods, the whole
 * dashboard, the CLI's `report` and the weekly review all compute their
 * figures through these functions and nothing else.
 */
export const charts = {
  funnel,
  conversion,
  winRate,
  dealSize,
  dwell,
  stale,
  sources,
  leaderboard,
  losses,
  forecast,
  collections,
  repurchase,
} satisfies Record<string, (ctx: AnalyticsContext) => unknown>

export type ChartName = keyof typeof charts
export const chartNames = Object.keys(charts) as ChartName[]
export type ChartOf<K extends ChartName> = ReturnType<(typeof charts)[K]>

export function chart<K extends ChartName>(core: Core, name: K, filters: AnalyticsFilters, meta: CallMeta): ChartOf<K> {
  ensureStageFacts(core)
  return charts[name](analyticsContext(core, filters, meta)) as ChartOf<K>
}

/**
 * Brings the stage facts up to date with the history: a write, so it runs
 * before the charts' read and only when the history moved on.
 */
export function ensureStageFacts(core: Core): void {
  if (stageFactsBehind(core.db)) inTransaction(core, () => refreshStageFacts(core.db))
}

/** The dashboard's header and the named charts under one set of filters, read in one transaction so they agree with each other. */
export function chartsOf(core: Core, names: readonly ChartName[], filters: AnalyticsFilters, meta: CallMeta): Record<string, unknown> {
  return core.db.transaction(() => {
    const ctx = analyticsContext(core, filters, meta)
    return { ...header(ctx), ...Object.fromEntries(names.map((name) => [name, charts[name](ctx)])) }
  })()
}

/**
 * What a helper thread computes of a large workspace's dashboard (see
 * chartHelper.ts): about half its time, and no store answer shared with the
 * charts computed here (the closed deals and the open deals by owner).
 */
const helperCharts: readonly ChartName[] = ['funnel', 'sources', 'conversion', 'dwell', 'collections']

/** All charts under one set of filters, as of one moment of the workspace. */
export function dashboard(core: Core, filters: AnalyticsFilters, meta: CallMeta): Dashboard {
  ensureStageFacts(core)
  const now = core.clock()
  const fixed: Core = { ...core, clock: () => now }
  const helper = askHelper(core, { names: [...helperCharts], filters, meta, now: now.toISOString() })
  const started = performance.now()
  const own = chartsOf(fixed, helper ? chartNames.filter((name) => !helperCharts.includes(name)) : chartNames, filters, meta)
  const theirs = helper ? (helper(performance.now() - started) ?? chartsOf(fixed, helperCharts, filters, meta)) : {}
  const all = { ...theirs, ...own }
  return Object.fromEntries(Dashboard.keyof().options.map((key) => [key, all[key]])) as Dashboard
}
