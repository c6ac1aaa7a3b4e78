/** Every figure the harness reports: its unit is in its name (_s, _ms, _mb), its target beside it. */
export const figureSpecs = {
  import_s: { label: 'Import 100k rows × 20 columns (full pipeline)', target: '≤ 1.5 × baseline' },
  import_baseline_s: { label: 'Import baseline: parse + one prepared insert', target: '—' },
  import_peak_rss_mb: { label: 'Import peak RSS', target: '≤ 600 MB' },
  export_s: { label: 'Export 100k rows to .xlsx', target: '≤ 1.2 × baseline' },
  export_baseline_s: { label: 'Export baseline: bare SheetJS write', target: '—' },
  undo_import_s: { label: 'Undo a 100k-row import batch', target: '—' },
  grid_window_p95_ms: { label: 'Grid window query p95 (store, mixed sorts/filters)', target: '≤ 20 ms' },
  grid_first_rows_ms: { label: 'Navigate to opportunities → first rows visible (Chromium)', target: '≤ 500 ms' },
  grid_sort_filter_ms: { label: 'Sort or filter change → new rows visible (Chromium)', target: '≤ 200 ms' },
  grid_dom_rows: { label: 'Row elements in the DOM while showing all rows', target: 'a few dozen' },
  kanban_first_paint_ms: { label: 'Kanban first paint (Chromium)', target: '—' },
  search_p95_ms: { label: 'Global search p95', target: '≤ 20 ms' },
  dashboard_ms: { label: 'Whole dashboard computed in the store', target: '≤ 150 ms' },
  dashboard_first_paint_ms: { label: 'Dashboard first paint (Chromium)', target: '—' },
  weekly_review_s: { label: 'Weekly review workbook', target: '≤ 5 s' },
  custom_field_window_p95_ms: { label: 'Window query p95 filtering/sorting a custom field', target: '≤ 20 ms' },
  demo_generate_s: { label: 'Generate the demo workspace', target: '—' },
} as const

export type FigureKey = keyof typeof figureSpecs

/** A figure whose feature does not exist yet stays null, never a guess. */
export type Figures = Record<FigureKey, number | null>

export function emptyFigures(): Figures {
  return Object.fromEntries(Object.keys(figureSpecs).map((key) => [key, null])) as Figures
}

/** Ratios to a bare baseline, where the issue defines one. */
export const ratios: [figure: FigureKey, baseline: FigureKey][] = [
  ['import_s', 'import_baseline_s'],
  ['export_s', 'export_baseline_s'],
]
