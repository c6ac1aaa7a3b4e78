import type { Drill } from '../../../../../shared/methods/analytics'
import { defaultViewState, type GridViewState } from '../../grid/utils/viewState'

/**
 * Opening the opportunities grid on exactly the rows behind a figure: the
 * figure's filters become the grid's own (chips the person sees and can
 * remove), then the app navigates to the grid, which takes them on mount.
 */
let pending: GridViewState | null = null

/** Whether a drill-down can be shown: the opportunities grid is the one screen that takes them. */
export function canDrill(drill: Drill | undefined): drill is NonNullable<Drill> {
  return drill != null && drill.entity === 'opportunity'
}

export function drillDown(drill: NonNullable<Drill>): void {
  pending = { ...defaultViewState, filters: drill.filters.map((f) => ({ ...f })) }
  window.location.hash = '/pipeline'
}

/** The grid state a drill-down asked for, once; null when the grid was opened some other way. */
export function takeDrillDown(): GridViewState | null {
  const state = pending
  pending = null
  return state
}
