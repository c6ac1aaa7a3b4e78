import type { z } from 'zod'
import { resolveDatePreset } from '../../../../../shared/datePresets'
import type { AnalyticsFilters, ResolvedPeriod } from '../../../../../shared/methods/analytics'
import type { DatePreset } from '../../../../../shared/query'

/** The dashboard's filters as the page keeps them (the period may still be a preset). */
export type DashboardFilters = z.input<typeof AnalyticsFilters>

export const initialFilters: DashboardFilters = { period: 'thisQuarter' }

/** The RangePicker's quick picks, in menu order. */
export const periodPresets = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'last30Days'] as const satisfies readonly DatePreset[]

const previousDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

/** A preset as the inclusive dates it means today (presets resolve to half-open ranges). */
export function presetDates(preset: DatePreset, today: Date): { from: string; to: string } {
  const range = resolveDatePreset(preset, today)
  return { from: range.from!, to: previousDay(range.to!) }
}

/** Drops empty pick lists, so "nothing picked" means "not filtered" and the request stays small. */
export function withPick<K extends 'ownerIds' | 'sources' | 'productLines' | 'regions'>(
  filters: DashboardFilters,
  key: K,
  values: NonNullable<DashboardFilters[K]>,
): DashboardFilters {
  const next = { ...filters }
  if (values.length === 0) delete next[key]
  else next[key] = values
  return next
}

/** What the range picker shows: the dates the core resolved, or none for all time. */
export const shownPeriod = (period: ResolvedPeriod | undefined): [string, string] | null =>
  period?.from && period.to ? [period.from, period.to] : null

/** Sets (or, with nothing picked, drops) the filter on one custom picklist field. */
export function withCustomPick(filters: DashboardFilters, key: string, values: (string | null)[]): DashboardFilters {
  const custom = { ...filters.custom }
  if (values.length === 0) delete custom[key]
  else custom[key] = values
  const next: DashboardFilters = { ...filters, custom }
  if (Object.keys(custom).length === 0) delete next.custom
  return next
}
