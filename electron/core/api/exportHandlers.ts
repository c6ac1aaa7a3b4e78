import type { exportsMethods } from '../../../shared/methods/exports'
import { exportGrid } from '../services/exports/gridExport'
import type { HandlerGroup } from './handlers'

/** Exports: a grid as it is shown, to .xlsx or .csv. */
export const exportsHandlers: HandlerGroup<typeof exportsMethods> = {
  'exports.grid': exportGrid,
}
