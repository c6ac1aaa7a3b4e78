import Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import type { WindowQuery } from '../../shared/query'
import { DEEP_OFFSET } from '../../electron/core/store/windowCache'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'

/** Deep windows come from a cached ordered id list; each must match SQL written here independently. */
const query: WindowQuery = {
  offset: 0,
  limit: 50,
  sort: [{ column: 'amount', desc: true }],
  filters: [{ column: 'source', op: 'in', value: ['website', 'referral', 'exhibition'] }],
}

function truth(file: string): number[] {
  const db = new Database(file, { readonly: true })
  try {
    return db
      .prepare(
        `SELECT id FROM opportunities WHERE deleted_at IS NULL AND source IN ('website', 'referral', 'exhibition')
         ORDER BY amount DESC NULLS LAST, id DESC`,
      )
      .pluck()
      .all() as number[]
  } finally {
    db.close()
  }
}

describe('deep windows of a large list', () => {
  let ws: TestWorkspace
  let file: string
  const windowIds = async (offset: number) =>
    (await ws.call('opportunities.list', { ...query, offset, withTotal: true })).rows.map((row) => row.id)

  // Each test gets its own workspace: the helper closes it after the test.
  beforeEach(async () => {
    ws = await openWorkspace()
    file = ws.core.dbPath
    await ws.call('workspace.loadDemo', { scale: 2500 })
  }, 120_000)

  it('are the same rows, in the same order, as the query read whole', async () => {
    const all = truth(file)
    expect(all.length).toBeGreaterThan(DEEP_OFFSET + 200)
    for (const offset of [0, DEEP_OFFSET - 20, DEEP_OFFSET, DEEP_OFFSET + 150, all.length - 30]) {
      expect(await windowIds(offset), `offset ${offset}`).toEqual(all.slice(offset, offset + 50))
    }
    const result = await ws.call('opportunities.list', { ...query, offset: DEEP_OFFSET + 10, withTotal: true })
    expect(result.total).toBe(all.length)
  })

  it('see a change made through the app at once', async () => {
    await windowIds(DEEP_OFFSET)
    const [deep] = await windowIds(DEEP_OFFSET + 5)
    const current = await ws.call('opportunities.get', { id: deep! })
    await ws.call('opportunities.update', { id: deep!, version: current.version, patch: { amount: 999_999_999 } })
    const all = truth(file)
    expect(all[0]).toBe(deep)
    expect(await windowIds(DEEP_OFFSET)).toEqual(all.slice(DEEP_OFFSET, DEEP_OFFSET + 50))
  })

  it('see a change committed by another connection, such as the CLI', async () => {
    const before = await windowIds(DEEP_OFFSET)
    const other = new Database(file)
    other.prepare('UPDATE opportunities SET amount = -1 WHERE id = ?').run(before[0])
    other.close()
    const all = truth(file)
    expect(all.indexOf(before[0]!)).toBeGreaterThan(DEEP_OFFSET + 50)
    expect(await windowIds(DEEP_OFFSET)).toEqual(all.slice(DEEP_OFFSET, DEEP_OFFSET + 50))
  })
})
