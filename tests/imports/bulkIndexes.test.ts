import { describe, expect, it } from 'vitest'
import { csvOf, importWorkspace, rowsOf } from './helpers'

type Workspace = Awaited<ReturnType<typeof importWorkspace>>

/** The deal indexes as SQLite keeps them, and the planner's statistics for each. */
function dealIndexes(ws: Workspace) {
  return {
    definitions: rowsOf(ws, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'opportunities' ORDER BY name"),
    statistics: rowsOf(ws, "SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'opportunities' ORDER BY idx"),
  }
}

const schemaVersion = (ws: Workspace) => ws.core.db.pragma('schema_version', { simple: true }) as number

function dealsFile(ws: Workspace, count: number, prefix: string): string {
  const rows = [['商机名称', '客户名称', '阶段', '预计金额'], ...Array.from({ length: count }, (_, i) => [`${prefix} ${i}`, `${prefix}客户 ${i}`, '初步接洽', 1000 + i])]
  return ws.file(`${prefix}.csv`, csvOf(rows))
}

/**
 * A batch that adds a quarter of the deals or more is written without the
 * read-only deal indexes, which are built again at the end (a schema change
 * both ways); a smaller one is written through them.
 */
describe('an import that adds many deals at once', () => {
  it('builds the grid and dashboard indexes again exactly as they were, statistics included', async () => {
    const ws = await importWorkspace()
    await ws.call('workspace.loadDemo', { scale: 200 })
    ws.core.db.exec('ANALYZE')
    const before = dealIndexes(ws)
    expect(before.statistics.length).toBeGreaterThan(20)

    const small = schemaVersion(ws)
    await ws.call('imports.commit', { path: dealsFile(ws, 10, 'small'), entity: 'opportunity' })
    expect(schemaVersion(ws)).toBe(small)

    const large = schemaVersion(ws)
    const report = await ws.call('imports.commit', { path: dealsFile(ws, 120, 'large'), entity: 'opportunity' })
    expect(report.counts.create).toBe(120)
    expect(schemaVersion(ws)).toBeGreaterThan(large)
    expect(dealIndexes(ws)).toEqual(before)
    expect(ws.core.db.pragma('integrity_check', { simple: true })).toBe('ok')

    // The rebuilt indexes hold the new deals: a sort by amount walks its index and finds them.
    const plan = rowsOf(ws, 'EXPLAIN QUERY PLAN SELECT id FROM opportunities WHERE deleted_at IS NULL ORDER BY amount, id LIMIT 3')
    expect(plan.map((p) => p.detail).join(' ')).toContain('opps_amount')
    const cheapest = rowsOf(ws, "SELECT name FROM opportunities INDEXED BY opps_amount WHERE deleted_at IS NULL AND name LIKE 'large %' ORDER BY amount, id LIMIT 2")
    expect(cheapest).toEqual([{ name: 'large 0' }, { name: 'large 1' }])
  })

  it('leaves the indexes and the deals untouched when a write fails after they were dropped', async () => {
    const ws = await importWorkspace()
    await ws.call('workspace.loadDemo', { scale: 40 })
    ws.core.db.exec('ANALYZE')
    const before = dealIndexes(ws)
    const deals = rowsOf(ws, 'SELECT count(*) AS n, total(amount) AS amount FROM opportunities')
    ws.core.db.exec("CREATE TRIGGER injected_fault BEFORE INSERT ON opportunities WHEN NEW.name = 'bulk 30' BEGIN SELECT RAISE(ABORT, 'injected fault'); END")

    const failed = await ws.raw('imports.commit', { path: dealsFile(ws, 60, 'bulk'), entity: 'opportunity' })
    expect(failed.ok).toBe(false)
    expect(dealIndexes(ws)).toEqual(before)
    expect(rowsOf(ws, 'SELECT count(*) AS n, total(amount) AS amount FROM opportunities')).toEqual(deals)
    expect(ws.core.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
