import { parseArgs } from 'node:util'
import { emptyFigures } from './figures'
import { gridWindowP95 } from './gridQueries'
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
    figures.grid_window_p95_ms = round(gridWindowP95(core))
  } finally {
    core.close()
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
