import fs from 'node:fs'
import path from 'node:path'
import { workbench } from '../helpers/cli'
import { describe, expect, it } from 'vitest'
import { openWorkspace, tempDir } from '../helpers/workspace'

const CSV = '/work/shared/fixtures/external/maven-crm-sales-opportunities/original-zip/sales_pipeline.csv'

interface Deal {
  agent: string
  stage: string
  engage: string
  close: string
  value: number
}

/** The Maven file read on its own: eight plain comma-separated columns, CRLF, no quoting. */
function readCsv(): Deal[] {
  const [, ...lines] = fs.readFileSync(CSV, 'utf8').trim().split(/\r?\n/)
  return lines.map((line) => {
    const [, agent, , , stage, engage, close, value] = line.split(',')
    return { agent: agent!, stage: stage!, engage: engage!, close: close!, value: Number(value || 0) }
  })
}

const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length / 2
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!
}

describe('the Maven CRM pipeline (8,800 real-shaped deals) imported through the CLI', () => {
  it('gives the win rate, stage counts, won value per rep and sales cycle the file itself gives', async () => {
    const db = path.join(tempDir(), 'maven.db')
    const imported = await workbench(['import', CSV, '--db', db, '--entity', 'opportunities', '--mapping', 'auto', '--on-unknown', 'create', '--json'])
    expect(imported.code, imported.stderr).toBe(0)
    expect(JSON.parse(imported.stdout).counts).toMatchObject({ rows: 8800, create: 8800, reject: 0 })

    const deals = readCsv()
    const won = deals.filter((d) => d.stage === 'Won')
    const lost = deals.filter((d) => d.stage === 'Lost')
    const ws = await openWorkspace({ file: db })
    const all = { period: 'all' as const }

    const rate = await ws.call('analytics.winRate', all)
    expect([rate.overall.won, rate.overall.lost]).toEqual([won.length, lost.length])
    expect(rate.overall.rateByCount).toBeCloseTo(won.length / (won.length + lost.length), 10)
    const wonValue = (agent: string) => won.filter((d) => d.agent === agent).reduce((sum, d) => sum + d.value, 0)
    const agents = [...new Set(won.map((d) => d.agent))]
    expect(rate.byOwner.filter((r) => r.won > 0)).toHaveLength(agents.length)
    for (const row of rate.byOwner) expect([row.label, row.wonAmount]).toEqual([row.label, wonValue(row.label)])

    const funnel = await ws.call('analytics.funnel', all)
    const byStage = Object.fromEntries(funnel.layers.filter((l) => l.count > 0).map((l) => [l.label, l.count]))
    const counts = (stage: string) => deals.filter((d) => d.stage === stage).length
    expect(byStage).toEqual({ Won: counts('Won'), Lost: counts('Lost'), Prospecting: counts('Prospecting'), Engaging: counts('Engaging') })
    expect(funnel.total.amount).toBeCloseTo(deals.reduce((sum, d) => sum + d.value, 0), 6)

    const size = await ws.call('analytics.dealSize', all)
    const cycles = won.map((d) => days(d.engage, d.close))
    expect(size.won).toBe(won.length)
    expect(size.wonAmount).toBe(won.reduce((sum, d) => sum + d.value, 0))
    expect(size.wonAmount).toBe(rate.overall.wonAmount)
    expect(size.averageAmount).toBeCloseTo(size.wonAmount / won.length, 9)
    expect(size.averageCycleDays).toBeCloseTo(cycles.reduce((a, b) => a + b, 0) / cycles.length, 9)
    expect(size.medianCycleDays).toBe(median(cycles))
  })
})
