import type { CallMeta } from '../../../../shared/api'
import type { AnalyticsFilters } from '../../../../shared/methods/analytics'
import type { ChartName } from './charts'

/** What the dashboard's helper thread is asked and answers (chartHelper.ts asks, chartWorker.ts answers). */

export interface ChartRequest {
  /** Echoed in the answer: an answer to an earlier request the caller gave up on is skipped. */
  id: number
  names: ChartName[]
  filters: AnalyticsFilters
  meta: CallMeta
  /** The caller's clock reading: both halves resolve periods and staleness from it. */
  now: string
}

/** A helper whose charts threw answers ok: false, and the caller computes them itself (and meets the error there). */
export type ChartAnswer = { id: number } & ({ ok: true; charts: Record<string, unknown> } | { ok: false })

/** Slots of the shared state: the helper's connection is open; how many answers it has posted. */
export const READY = 0
export const ANSWERS = 1
