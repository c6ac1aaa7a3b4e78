import { describe, expect, it } from 'vitest'
import { RECORD_ID_HEADER } from '../../shared/methods/imports'
import { csvOf, importWorkspace, rowsOf } from './helpers'

type Workspace = Awaited<ReturnType<typeof importWorkspace>>

const ROWS = 240
const headers = ['商机名称', '客户名称', '联系人', '手机', '邮箱', '阶段', '预计金额']
const created = Array.from({ length: ROWS }, (_, i) => [`批量商机 ${i}`, `批量客户${i % 80}号有限公司`, `联系人${i}`, `1380000${String(i).padStart(4, '0')}`, `c${i}@example.com`, '初步接洽', 1000 + i])
/** The same deals by record id (1..ROWS in a fresh workspace), renamed, a third of them moved to another account. */
const renamed = Array.from({ length: ROWS }, (_, i) => [i + 1, `改名商机 ${i}`, i % 3 === 0 ? `另一客户${i % 7}号` : `批量客户${i % 80}号有限公司`])

/** Every token instance in a search index, as FTS5 lists it: what a search can find, and where. */
function entries(ws: Workspace, index: string): unknown[] {
  ws.core.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_${index} USING fts5vocab(main, ${index}, instance)`)
  return ws.core.db.prepare(`SELECT term, doc, col, offset FROM temp.vocab_${index} ORDER BY 1, 2, 3, 4`).raw().all()
}

const searchIndexes = ['search_opportunities', 'search_accounts', 'search_contacts'] as const

async function runImports(ws: Workspace, chunk: number): Promise<void> {
  const commit = async (name: string, rows: unknown[][], head: string[], onDuplicate?: 'update') => {
    for (let start = 0; start < rows.length; start += chunk) {
      const file = ws.file(`${name}-${start}.csv`, csvOf([head, ...rows.slice(start, start + chunk)]))
      await ws.call('imports.commit', { path: file, entity: 'opportunity', onUnknown: 'create', ...(onDuplicate ? { onDuplicate } : {}) })
    }
  }
  await commit('created', created, headers)
  await commit('renamed', renamed, [RECORD_ID_HEADER, '商机名称', '客户名称'], 'update')
}

/** Records, after each insert into the deals, whether the search index's own insert trigger was in place. */
function watchSearchTrigger(ws: Workspace): () => number[] {
  ws.core.db.exec(`CREATE TEMP TABLE trigger_seen (present INTEGER);
    CREATE TEMP TRIGGER watch_search AFTER INSERT ON main.opportunities BEGIN
      INSERT INTO trigger_seen SELECT count(*) FROM main.sqlite_master WHERE name = 'search_opportunities_on_insert';
    END`)
  return () => ws.core.db.prepare('SELECT DISTINCT present FROM trigger_seen ORDER BY 1').pluck().all() as number[]
}

const triggers = (ws: Workspace) => rowsOf(ws, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
const dealHits = async (ws: Workspace, query: string) =>
  (await ws.call('search.global', { query, limit: 20 })).groups.find((g) => g.entityType === 'opportunity')?.items.map((h) => h.title) ?? []

/**
 * A batch of 200 rows or more is written with the search index's per-row
 * triggers set aside and its new and changed records entered at the end;
 * smaller batches go through the triggers. Both must leave the same index.
 */
describe('the search index after a large import', () => {
  it('holds exactly the entries the per-row triggers leave, for created and updated deals, accounts and contacts', async () => {
    const bulk = await importWorkspace()
    const seen = watchSearchTrigger(bulk)
    const before = triggers(bulk)
    await runImports(bulk, ROWS)
    expect(seen()).toEqual([0])

    const perRow = await importWorkspace()
    const seenPerRow = watchSearchTrigger(perRow)
    await runImports(perRow, 50)
    expect(seenPerRow()).toEqual([1])

    for (const index of searchIndexes) {
      const found = entries(bulk, index)
      expect(found.length).toBeGreaterThan(ROWS)
      expect(found).toEqual(entries(perRow, index))
    }
    expect(triggers(bulk)).toEqual(before)
    expect(rowsOf(bulk, "SELECT name FROM sqlite_temp_master WHERE name LIKE 'wb_search%'")).toEqual([])

    expect(await dealHits(bulk, '改名商机 17')).toContain('改名商机 17')
    expect(await dealHits(bulk, '批量商机')).toEqual([])
    expect((await dealHits(bulk, '另一客户3号')).length).toBeGreaterThan(0)
    // The triggers are back: a deal created afterwards is found at once.
    await bulk.call('opportunities.create', { name: '之后新建的商机', stageId: 1 })
    expect(await dealHits(bulk, '之后新建')).toEqual(['之后新建的商机'])
  })

  it('keeps the index and its triggers as they were when the batch fails, and the next batch still defers', async () => {
    const ws = await importWorkspace()
    await runImports(ws, ROWS)
    const before = { triggers: triggers(ws), entries: searchIndexes.map((index) => entries(ws, index)) }
    ws.core.db.exec("CREATE TRIGGER injected_fault BEFORE INSERT ON opportunities WHEN NEW.name = '失败批次 230' BEGIN SELECT RAISE(ABORT, 'injected fault'); END")
    const failing = ws.file('failing.csv', csvOf([headers, ...created.map((row, i) => [`失败批次 ${i}`, ...row.slice(1)])]))

    const failed = await ws.raw('imports.commit', { path: failing, entity: 'opportunity', onUnknown: 'create' })
    expect(failed.ok).toBe(false)
    ws.core.db.exec('DROP TRIGGER injected_fault')
    expect({ triggers: triggers(ws), entries: searchIndexes.map((index) => entries(ws, index)) }).toEqual(before)
    expect(rowsOf(ws, "SELECT name FROM sqlite_temp_master WHERE name LIKE 'wb_search%'")).toEqual([])

    const retried = await ws.call('imports.commit', { path: failing, entity: 'opportunity', onUnknown: 'create' })
    expect(retried.counts.create).toBe(ROWS)
    expect(await dealHits(ws, '失败批次 230')).toContain('失败批次 230')
  })
})
