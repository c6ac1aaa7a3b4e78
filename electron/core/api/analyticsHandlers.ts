import type { analyticsMethods } from '../../../shared/methods/analytics'
import { breakdown } from '../services/analytics/breakdownChart'
import { chart, dashboard } from '../services/analytics/charts'
import { currencyRates, setTargets, targets, updateCurrencyRates } from '../services/analytics/settings'
import { pipelineChanges, snapshots, takeSnapshot } from '../services/analytics/snapshots'
import { writeWeeklyReview } from '../services/analytics/weeklyReview'
import type { HandlerGroup } from './handlers'

export const analyticsHandlers: HandlerGroup<typeof analyticsMethods> = {
  'analytics.dashboard': dashboard,
  'analytics.funnel': (core, input, meta) => chart(core, 'funnel', input, meta),
  'analytics.conversion': (core, input, meta) => chart(core, 'conversion', input, meta),
  'analytics.winRate': (core, input, meta) => chart(core, 'winRate', input, meta),
  'analytics.dealSize': (core, input, meta) => chart(core, 'dealSize', input, meta),
  'analytics.dwell': (core, input, meta) => chart(core, 'dwell', input, meta),
  'analytics.stale': (core, input, meta) => chart(core, 'stale', input, meta),
  'analytics.sources': (core, input, meta) => chart(core, 'sources', input, meta),
  'analytics.leaderboard': (core, input, meta) => chart(core, 'leaderboard', input, meta),
  'analytics.losses': (core, input, meta) => chart(core, 'losses', input, meta),
  'analytics.forecast': (core, input, meta) => chart(core, 'forecast', input, meta),
  'analytics.collections': (core, input, meta) => chart(core, 'collections', input, meta),
  'analytics.repurchase': (core, input, meta) => chart(core, 'repurchase', input, meta),
  'analytics.breakdown': breakdown,
  'analytics.changes': pipelineChanges,
  'analytics.weeklyReview': writeWeeklyReview,

  'snapshots.list': (core) => snapshots(core),
  'snapshots.take': takeSnapshot,

  'targets.list': targets,
  'targets.set': setTargets,

  'currencyRates.get': (core) => currencyRates(core),
  'currencyRates.update': updateCurrencyRates,
}
