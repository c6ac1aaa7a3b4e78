import type { CallMeta } from '../../../../shared/api'
import type { AnalyticsFilters, Dashboard } from '../../../../shared/methods/analytics'
import type { Core } from '../../core'
import { refreshStageFacts, stageFactsBehind } from '../../store/analytics/facts'
import { inTransaction } from '../context'
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

/** All charts under one set of filters, read in one transaction so they agree with each other. */
export function dashboard(core: Core, filters: AnalyticsFilters, meta: CallMeta): Dashboard {
  ensureStageFacts(core)
  return core.db.transaction(() => {
    const ctx = analyticsContext(core, filters, meta)
    return {
      ...header(ctx),
      funnel: funnel(ctx),
      conversion: conversion(ctx),
      winRate: winRate(ctx),
      dealSize: dealSize(ctx),
      dwell: dwell(ctx),
      stale: stale(ctx),
      sources: sources(ctx),
      leaderboard: leaderboard(ctx),
      losses: losses(ctx),
      forecast: forecast(ctx),
      collections: collections(ctx),
      repurchase: repurchase(ctx),
    }
  })()
}
