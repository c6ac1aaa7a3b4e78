import { describe, expect, it } from 'vitest'
import type { WindowQuery } from '../../shared/query'
import { countKeyOf, PAGE_SIZE, RowCache, segmentKey, type CachedRow } from '../../renderer/src/modules/grid/utils/rowCache'

/** A fake core: 1,000 rows, every window query logged. */
function fakeCore(total = 1000) {
  const calls: WindowQuery[] = []
  let version = 1
  const fetcher = async (query: WindowQuery) => {
    calls.push(query)
    const rows: CachedRow[] = []
    for (let i = query.offset; i < Math.min(total, query.offset + query.limit); i += 1) rows.push({ id: i + 1, version, name: `row ${i + 1}` })
    return { rows, total: query.withTotal ? total : null }
  }
  return { calls, fetcher, bump: () => (version += 1) }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const query = { sort: [{ column: 'amount', desc: true }], filters: [] }
const key = segmentKey(query)

describe('the row cache', () => {
  it('fetches only the pages in view, counting once per query', async () => {
    const core = fakeCore()
    const cache = new RowCache(core.fetcher)
    cache.setSegments([{ key, query }])
    cache.want(key, 0, 30)
    await settle()
    expect(core.calls).toEqual([{ ...query, offset: 0, limit: PAGE_SIZE, withTotal: true }])
    expect(cache.total(key)).toBe(1000)
    expect(cache.rowAt(key, 5)?.id).toBe(6)

    cache.want(key, 480, 520)
    await settle()
    expect(core.calls.slice(1).map((q) => [q.offset, q.withTotal])).toEqual([
      [400, false],
      [500, false],
    ])
    // Scrolling far drops far pages.
    expect(cache.rowAt(key, 5)).toBeUndefined()
  })

  it('keeps the rows read after a data change when an answer read before it arrives late', async () => {
    const answers: ((rows: CachedRow[]) => void)[] = []
    const cache = new RowCache(
      () => new Promise((resolve) => answers.push((rows) => resolve({ rows, total: rows.length }))),
    )
    cache.setSegments([{ key, query }])
    cache.want(key, 0, 10)
    const moved = cache.invalidate()
    expect(answers).toHaveLength(2)
    answers[1]!([{ id: 7, version: 2, name: 'after the move' }])
    await moved
    answers[0]!([{ id: 5, version: 1, name: 'before the move' }])
    await settle()
    expect(cache.rowAt(key, 0)).toMatchObject({ id: 7, name: 'after the move' })
    expect(cache.total(key)).toBe(1)
  })

  it('takes a known count from groups and never asks the core to count', async () => {
    const core = fakeCore()
    const cache = new RowCache(core.fetcher)
    cache.setSegments([{ key, query, count: 42 }])
    cache.want(key, 0, 10)
    await settle()
    expect(core.calls.map((q) => q.withTotal)).toEqual([false])
    expect(cache.total(key)).toBe(42)
  })

  it('shows a written value with its new version until the refetch brings it back', async () => {
    const core = fakeCore()
    const cache = new RowCache(core.fetcher)
    cache.setSegments([{ key, query }])
    cache.want(key, 0, 10)
    await settle()
    cache.applyLocal(3, { name: 'edited' }, 2)
    expect(cache.rowAt(key, 2)).toMatchObject({ id: 3, name: 'edited', version: 2 })
    // A refetch that still has the old version keeps the edit on screen …
    await cache.invalidate()
    expect(cache.rowAt(key, 2)).toMatchObject({ name: 'edited', version: 2 })
    // … one with the new version replaces it.
    core.bump()
    await cache.invalidate()
    expect(cache.rowAt(key, 2)).toMatchObject({ name: 'row 3', version: 2 })
  })

  it('keeps rows on screen while a data change refetches them', async () => {
    const core = fakeCore()
    const cache = new RowCache(core.fetcher)
    cache.setSegments([{ key, query }])
    cache.want(key, 0, 10)
    await settle()
    const pending = cache.invalidate()
    expect(cache.rowAt(key, 0)?.id).toBe(1)
    await pending
    expect(core.calls.at(-1)).toMatchObject({ offset: 0, withTotal: true })
  })

  it('reads a long range for a bulk edit in windows, from pages already loaded where it can', async () => {
    const core = fakeCore()
    const cache = new RowCache(core.fetcher)
    cache.setSegments([{ key, query }])
    cache.want(key, 0, 10)
    await settle()
    const rows = await cache.readRange(key, 50, 899)
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 850 }, (_, i) => i + 51))
    expect(core.calls.slice(1).map((q) => [q.offset, q.limit])).toEqual([
      [100, 500],
      [600, 300],
    ])
  })

  it('forgets a list that is no longer on screen', async () => {
    const core = fakeCore()
    const cache = new RowCache(core.fetcher)
    cache.setSegments([{ key, query }])
    cache.want(key, 0, 10)
    await settle()
    const other = { ...query, search: 'x' }
    cache.setSegments([{ key: segmentKey(other), query: other }])
    expect(cache.rowAt(key, 0)).toBeUndefined()
  })
})

describe('counting', () => {
  it('does not count again when only the order changes', async () => {
    const core = fakeCore()
    const cache = new RowCache(core.fetcher)
    const byAmount = { sort: [{ column: 'amount', desc: true }], filters: [] }
    const byName = { sort: [{ column: 'name', desc: false }], filters: [] }
    const a = { key: segmentKey(byAmount), query: byAmount, countKey: countKeyOf(byAmount) }
    const b = { key: segmentKey(byName), query: byName, countKey: countKeyOf(byName) }
    cache.setSegments([a])
    cache.want(a.key, 0, 10)
    await settle()
    expect(cache.loaded(b.key)).toBe(false)
    cache.setSegments([b])
    expect(cache.total(b.key)).toBe(1000)
    cache.want(b.key, 0, 10)
    await settle()
    expect(core.calls.map((q) => q.withTotal)).toEqual([true, false])
    expect(cache.loaded(b.key)).toBe(true)
  })
})
