import type { BreakdownRow, CountAmount, Dashboard, WinRateRow } from '../../../../../shared/methods/analytics'
import type { ChartModel } from './chartModel'

/** i18next's t as the models need it (pure functions, testable without React). */
export type Translate = (key: string, options?: Record<string, unknown>) => string

export type FunnelMeasure = 'count' | 'amount' | 'weighted'

/**
 * One pipeline's funnel: its open stages in order, then won (lost deals are
 * the loss chart's). The chosen measure is drawn, the others are in the table.
 */
export function funnelModel(funnel: Dashboard['funnel'], pipelineId: number | undefined, measure: FunnelMeasure, t: Translate): ChartModel {
  const layers = funnel.layers.filter((l) => l.pipelineId === pipelineId && l.kind !== 'lost')
  const drills = layers.map((l) => l.drill)
  return {
    categories: layers.map((l) => l.label),
    measures: [
      { key: 'count', name: t('dashboard.measure.count'), format: 'count', values: layers.map((l) => l.count), drills, tableOnly: measure !== 'count' },
      { key: 'amount', name: t('dashboard.measure.amount'), format: 'money', values: layers.map((l) => l.amount), drills, tableOnly: measure !== 'amount' },
      {
        key: 'weighted',
        name: t('dashboard.measure.weighted'),
        format: 'money',
        values: layers.map((l) => l.weightedAmount),
        drills,
        tableOnly: measure !== 'weighted',
      },
    ],
  }
}

export function conversionModel(conversion: Dashboard['conversion'], t: Translate): ChartModel {
  const steps = conversion.steps
  return {
    categories: steps.map((s) => t('dashboard.conversion.step', { from: s.label, to: s.nextLabel })),
    measures: [
      { key: 'advancedRate', name: t('dashboard.conversion.advancedRate'), format: 'percent', values: steps.map((s) => s.advancedRate) },
      { key: 'wonRate', name: t('dashboard.conversion.wonRate'), format: 'percent', values: steps.map((s) => s.wonRate) },
      { key: 'reached', name: t('dashboard.conversion.reached'), format: 'count', values: steps.map((s) => s.reached), tableOnly: true },
      { key: 'advanced', name: t('dashboard.conversion.advanced'), format: 'count', values: steps.map((s) => s.advanced), tableOnly: true },
      { key: 'won', name: t('dashboard.conversion.won'), format: 'count', values: steps.map((s) => s.won), tableOnly: true },
    ],
  }
}

export function winRateModel(rows: readonly WinRateRow[], t: Translate): ChartModel {
  const closed = rows.map((r) => r.drill.closed)
  return {
    categories: rows.map((r) => r.label),
    measures: [
      { key: 'rateByCount', name: t('dashboard.winRate.rateByCount'), format: 'percent', values: rows.map((r) => r.rateByCount), drills: closed },
      { key: 'rateByAmount', name: t('dashboard.winRate.rateByAmount'), format: 'percent', values: rows.map((r) => r.rateByAmount), drills: closed },
      { key: 'won', name: t('dashboard.winRate.won'), format: 'count', values: rows.map((r) => r.won), drills: rows.map((r) => r.drill.won), tableOnly: true },
      { key: 'lost', name: t('dashboard.winRate.lost'), format: 'count', values: rows.map((r) => r.lost), drills: rows.map((r) => r.drill.lost), tableOnly: true },
      { key: 'wonAmount', name: t('dashboard.winRate.wonAmount'), format: 'money', values: rows.map((r) => r.wonAmount), tableOnly: true },
    ],
  }
}

export function dwellModel(dwell: Dashboard['dwell'], t: Translate): ChartModel {
  const stages = dwell.stages
  return {
    categories: stages.map((s) => s.label),
    measures: [
      { key: 'median', name: t('dashboard.dwell.median'), format: 'days', values: stages.map((s) => s.medianDays) },
      { key: 'p80', name: t('dashboard.dwell.p80'), format: 'days', values: stages.map((s) => s.p80Days) },
      { key: 'stays', name: t('dashboard.dwell.stays'), format: 'count', values: stages.map((s) => s.stays), tableOnly: true },
    ],
  }
}

/** Counts and amounts per key (stale deals by owner, losses by reason or competitor); `lead` picks which one is drawn. */
export function countAmountModel(rows: readonly CountAmount[], names: { count: string; amount: string }, lead: 'count' | 'amount'): ChartModel {
  const drills = rows.map((r) => r.drill)
  const count = { key: 'count', name: names.count, format: 'count' as const, values: rows.map((r) => r.count), drills }
  const amount = { key: 'amount', name: names.amount, format: 'money' as const, values: rows.map((r) => r.amount), drills }
  return {
    categories: rows.map((r) => r.label),
    horizontal: true,
    measures: lead === 'count' ? [count, { ...amount, tableOnly: true }] : [amount, { ...count, tableOnly: true }],
  }
}

export function sourcesModel(sources: Dashboard['sources'], t: Translate): ChartModel {
  const rows = sources.rows
  return {
    categories: rows.map((r) => r.label),
    measures: [
      { key: 'leads', name: t('dashboard.sources.leads'), format: 'count', values: rows.map((r) => r.leads), drills: rows.map((r) => r.drill.leads) },
      {
        key: 'opportunities',
        name: t('dashboard.sources.opportunities'),
        format: 'count',
        values: rows.map((r) => r.opportunities),
        drills: rows.map((r) => r.drill.opportunities),
      },
      { key: 'won', name: t('dashboard.sources.won'), format: 'count', values: rows.map((r) => r.won), drills: rows.map((r) => r.drill.won) },
      { key: 'wonAmount', name: t('dashboard.sources.wonAmount'), format: 'money', values: rows.map((r) => r.wonAmount), tableOnly: true },
      { key: 'winRate', name: t('dashboard.sources.winRate'), format: 'percent', values: rows.map((r) => r.winRate), tableOnly: true },
    ],
  }
}

/** Weighted open amounts by forecast category, stacked per close month, beside the month's wins and its target. */
export function forecastModel(forecast: Dashboard['forecast'], t: Translate): ChartModel {
  const months = forecast.months
  const category = (key: 'commit' | 'bestCase' | 'pipeline', color: string) => ({
    key,
    name: t('dashboard.forecast.weightedOf', { name: t(`dashboard.forecast.${key}`) }),
    format: 'money' as const,
    values: months.map((m) => m[key].weightedAmount),
    drills: months.map((m) => m[key].drill),
    stack: 'open',
    color,
  })
  return {
    categories: months.map((m) => m.month),
    measures: [
      category('commit', '#1677ff'),
      category('bestCase', '#69b1ff'),
      category('pipeline', '#bae0ff'),
      {
        key: 'won',
        name: t('dashboard.forecast.won'),
        format: 'money',
        values: months.map((m) => m.won.amount),
        drills: months.map((m) => m.won.drill),
        color: '#52c41a',
      },
      { key: 'target', name: t('dashboard.forecast.target'), format: 'money', kind: 'line', values: months.map((m) => m.target), color: '#ff4d4f' },
      { key: 'coverage', name: t('dashboard.forecast.coverage'), format: 'percent', values: months.map((m) => m.coverage), tableOnly: true },
    ],
  }
}

export function collectionsModel(collections: Dashboard['collections'], t: Translate): ChartModel {
  const months = collections.months
  return {
    categories: months.map((m) => m.month),
    measures: [
      { key: 'due', name: t('dashboard.collections.due'), format: 'money', values: months.map((m) => m.due), color: '#faad14' },
      { key: 'received', name: t('dashboard.collections.received'), format: 'money', values: months.map((m) => m.received), color: '#52c41a' },
    ],
  }
}

export type BreakdownMeasure = 'winRate' | 'pipeline'

/**
 * Win rate or open pipeline per value of the breakdown field: the chosen
 * view's measures are drawn, every figure is in the table.
 */
export function breakdownModel(rows: readonly BreakdownRow[], view: BreakdownMeasure, t: Translate): ChartModel {
  const closed = rows.map((r) => r.drill.closed)
  const open = rows.map((r) => r.open.drill)
  const drawn = (measure: BreakdownMeasure) => view !== measure
  return {
    categories: rows.map((r) => r.label),
    measures: [
      { key: 'rateByCount', name: t('dashboard.winRate.rateByCount'), format: 'percent', values: rows.map((r) => r.rateByCount), drills: closed, tableOnly: drawn('winRate') },
      { key: 'rateByAmount', name: t('dashboard.winRate.rateByAmount'), format: 'percent', values: rows.map((r) => r.rateByAmount), drills: closed, tableOnly: drawn('winRate') },
      { key: 'openAmount', name: t('dashboard.breakdown.openAmount'), format: 'money', values: rows.map((r) => r.open.amount), drills: open, tableOnly: drawn('pipeline') },
      { key: 'weightedAmount', name: t('dashboard.breakdown.weightedAmount'), format: 'money', values: rows.map((r) => r.open.weightedAmount), drills: open, tableOnly: drawn('pipeline') },
      { key: 'openCount', name: t('dashboard.breakdown.openCount'), format: 'count', values: rows.map((r) => r.open.count), drills: open, tableOnly: true },
      { key: 'won', name: t('dashboard.winRate.won'), format: 'count', values: rows.map((r) => r.won), drills: rows.map((r) => r.drill.won), tableOnly: true },
      { key: 'lost', name: t('dashboard.winRate.lost'), format: 'count', values: rows.map((r) => r.lost), drills: closed, tableOnly: true },
    ],
  }
}
