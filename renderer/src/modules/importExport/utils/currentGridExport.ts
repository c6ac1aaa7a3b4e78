/**
 * The export of the grid on screen, so the app menu's Export command can run
 * it. The grid's export button registers itself while it is mounted.
 */
type ExportFn = () => void

let current: ExportFn | null = null

export function registerGridExport(run: ExportFn): () => void {
  current = run
  return () => {
    if (current === run) current = null
  }
}

/** Exports the grid on screen; false when no grid is showing. */
export function exportCurrentGrid(): boolean {
  if (!current) return false
  current()
  return true
}
