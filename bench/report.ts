import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import { figureSpecs, ratios, type FigureKey, type Figures } from './figures'

function commit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()
  } catch {
    return 'unknown'
  }
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  return `${cpu} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`
}

const show = (value: number | null) => (value === null ? 'not measured yet' : String(value))

export function table(figures: Figures): string {
  const rows = (Object.keys(figureSpecs) as FigureKey[]).map(
    (key) => `| ${figureSpecs[key].label} | \`${key}\` | ${show(figures[key])} | ${figureSpecs[key].target} |`,
  )
  return ['| benchmark | key | figure | target |', '|---|---|---|---|', ...rows].join('\n')
}

function ratioLines(figures: Figures): string[] {
  return ratios.map(([figure, baseline]) => {
    const a = figures[figure]
    const b = figures[baseline]
    return `- \`${figure}\` / \`${baseline}\`: ${a !== null && b !== null && b > 0 ? (a / b).toFixed(2) : 'not measured yet'}`
  })
}

export function writeReport(file: string, figures: Figures, context: { scale: number; notes: string[] }): void {
  const text = [
    '# Benchmarks',
    '',
    'Written by `npm run bench`; figures are measured, never estimated. A figure whose feature does not',
    'exist yet reads "not measured yet" (`null` in `npm run bench -- --json`).',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Commit: ${commit()}`,
    `- Machine: ${machine()}`,
    `- Workspace: \`demo --scale ${context.scale}\``,
    '',
    table(figures),
    '',
    '## Ratios to the bare baseline',
    '',
    ...ratioLines(figures),
    ...(context.notes.length > 0 ? ['', '## Notes', '', ...context.notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n')
  fs.writeFileSync(file, text)
}
