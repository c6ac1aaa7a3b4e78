import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Core } from '../electron/core'
import { AnalyticsFilters } from '../shared/methods/analytics'
import { helperReady } from '../electron/core/services/analytics/chartHelper'
import { chartNames, charts, chartsOf, dashboard } from '../electron/core/services/analytics/charts'
import { analyticsContext } from '../electron/core/services/analytics/context'
import { writeWeeklyReview } from '../electron/core/services/analytics/weeklyReview'
import { percentile, timeMs } from './stats'

const meta = { locale: 'zh-CN', userId: null } as const

export interface DashboardFigures {
  median: number
  allTime: number
  /** The same dashboard computed on the calling thread alone. */
  oneThread: number
  /** Whether a helper thread computed part of it (a large workspace's). */
  helper: boolean
}

/**
 * The whole dashboard (every chart, default filters) computed in the store:
 * the median of a few runs after a warm-up. The warm-up starts a large
 * workspace's helper thread, which is then given time to open its connection,
 * as it has by a person's second look at the dashboard.
 */
export async function dashboardMs(core: Core, runs = 7): Promise<DashboardFigures> {
  const defaults = AnalyticsFilters.parse({})
  dashboard(core, defaults, meta)
  for (let waited = 0; !helperReady(core) && waited < 30_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
  const samples = Array.from({ length: runs }, () => timeMs(() => dashboard(core, defaults, meta)))
  const allTime = timeMs(() => dashboard(core, AnalyticsFilters.parse({ period: 'all' }), meta))
  const oneThread = Array.from({ length: runs }, () => timeMs(() => chartsOf(core, chartNames, defaults, meta)))
  return { median: percentile(samples, 50), allTime, oneThread: percentile(oneThread, 50), helper: helperReady(core) }
}

/**
 * Each chart alone under the default filters (median ms of a few runs): where
 * the dashboard's time goes. Charts that share a store answer on the dashboard
 * pay for all of it here: the leaderboard reads the win rate's and the stale
 * chart's; win rate, deal size, losses and repurchase read one pass over the
 * deals closed in the period; the funnel and sources one over those created.
 */
export function chartMs(core: Core, runs = 5): Record<string, number> {
  const defaults = AnalyticsFilters.parse({})
  return Object.fromEntries(
    Object.entries(charts).map(([name, compute]) => {
      const samples = Array.from({ length: runs }, () => {
        const ctx = analyticsContext(core, defaults, meta)
        return timeMs(() => compute(ctx))
      })
      return [name, percentile(samples, 50)]
    }),
  )
}

/** Seconds to write this week's review workbook for the whole team (the weekly snapshot taken first, as the command does). */
export async function weeklyReviewSeconds(core: Core): Promise<{ seconds: number; rows: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-review-'))
  try {
    const file = path.join(dir, 'weekly-review.xlsx')
    const started = performance.now()
    core.paths.allow(file)
    const result = await writeWeeklyReview(core, { file }, meta)
    const seconds = (performance.now() - started) / 1000
    return { seconds, rows: result.sheets.reduce((n, s) => n + s.rows, 0) }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
