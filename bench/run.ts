import { parseArgs } from 'node:util'
import { browserFigures } from './browser'
import { customFieldFigures } from './customFields'
import { chartMs, dashboardMs, weeklyReviewSeconds } from './analytics'
import { emptyFigures } from './figures'
import { gridWindowFigures } from './gridQueries'
import { importExportFigures } from './importExport'
import { searchP95 } from './search'
import { table, writeReport } from './report'
import { round } from './stats'
import { ensureBenchWorkspace, openBenchCore } from './workspace'

/**
 * `npm run bench [-- --json] [--scale N]`: every benchmark on a generated
 * workspace, one table on stdout, and BENCHMARKS.md. Figures, not tests:
 * nothing here fails on a slow machine.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, scale: { type: 'string', default: '100000' } },
  })
  const scale = Number(values.scale)
  const log = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`)
  const figures = emptyFigures()
  const notes: string[] = []

  log(`Preparing demo --scale ${scale} …`)
  const workspace = await ensureBenchWorkspace(scale)
  if (workspace.generatedSeconds !== null) figures.demo_generate_s = round(workspace.generatedSeconds)
  else notes.push('The demo workspace was reused from .bench/, so demo_generate_s was not measured in this run.')

  const core = await openBenchCore(workspace.file)
  try {
    log('Grid window queries …')
    const grid = gridWindowFigures(core)
    figures.grid_window_p95_ms = round(grid.p95)
    notes.push(
      `grid_window_p95_ms: ${grid.windows} windows of 100 rows, 10 per list as a person scrolls and jumps through it; ` +
        `p95 of each list's first window with its count ${round(grid.firstP95)} ms, of its first jump deep into the list ${round(grid.deepJumpP95)} ms.`,
    )
    log('Global search …')
    const search = searchP95(core)
    figures.search_p95_ms = round(search.p95)
    notes.push(`search_p95_ms by kind (p95 ms): ${Object.entries(search.byKind).map(([k, v]) => `${k} ${round(v)}`).join(', ')}.`)
    log('Dashboard …')
    const dash = await dashboardMs(core)
    figures.dashboard_ms = round(dash.median)
    notes.push(
      `dashboard_ms: default filters (this quarter), median of 7 runs, ${dash.helper ? 'half the charts on the helper thread' : 'no helper thread'}; ` +
        `on the calling thread alone ${round(dash.oneThread)} ms; the same dashboard over all time took ${round(dash.allTime)} ms.`,
    )
    notes.push(`dashboard_ms by chart alone (median ms): ${Object.entries(chartMs(core)).map(([k, v]) => `${k} ${round(v)}`).join(', ')}.`)
    log('Weekly review …')
    const review = await weeklyReviewSeconds(core)
    figures.weekly_review_s = round(review.seconds)
    notes.push(`weekly_review_s: the current week for the whole team, ${review.rows} rows over all sheets.`)
  } finally {
    core.close()
  }

  log('Custom field window queries …')
  const custom = await customFieldFigures(workspace.file)
  figures.custom_field_window_p95_ms = round(custom.p95)
  notes.push(custom.note)

  const transfer = await importExportFigures(workspace.file, scale, log)
  Object.assign(figures, transfer.figures)
  notes.push(...transfer.notes)

  log('Grid and board in Chromium …')
  try {
    const browser = await browserFigures(workspace.file, log)
    Object.assign(figures, browser.figures)
    notes.push(...browser.notes)
  } catch (err) {
    notes.push(`The Chromium figures were not measured: ${err instanceof Error ? err.message : String(err)}`)
  }

  if (values.json) console.log(JSON.stringify(figures, null, 2))
  else console.log(`\n${table(figures)}\n`)
  writeReport('BENCHMARKS.md', figures, { scale, notes })
  log('Wrote BENCHMARKS.md')
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
