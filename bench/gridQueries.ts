import type { WindowQuery } from '../shared/query'
import type { Core } from '../electron/core'
import { runWindowQuery, type QueryContext } from '../electron/core/store/windowQuery'
import { BENCH_ANCHOR } from './workspace'
import { percentile, timeMs } from './stats'

/** What a rep does all day: sort by a column, filter by stage, owner, date or amount, search, scroll. */
function queryMix(stageIds: number[], ownerIds: number[]): WindowQuery[] {
  const sorts = [
    [{ column: 'amount', desc: true }],
    [{ column: 'expectedCloseDate', desc: false }],
    [{ column: 'name', desc: false }],
    [{ column: 'updatedAt', desc: true }],
    [{ column: 'stageId', desc: false }, { column: 'amount', desc: true }],
    [{ column: 'ownerId', desc: false }],
    [{ column: 'accountName', desc: false }],
  ]
  const filters: WindowQuery['filters'][] = [
    [],
    [{ column: 'stageId', op: 'in', value: stageIds.slice(0, 2) }],
    [{ column: 'ownerId', op: 'in', value: ownerIds.slice(0, 1) }],
    [{ column: 'amount', op: 'between', value: { from: 100_000, to: 1_000_000 } }],
    [{ column: 'expectedCloseDate', op: 'preset', value: 'thisMonth' }],
    [{ column: 'stageKind', op: 'in', value: ['open'] }, { column: 'ownerId', op: 'in', value: ownerIds.slice(1, 3) }],
    [{ column: 'source', op: 'in', value: ['website', 'referral'] }],
  ]
  const queries: WindowQuery[] = []
  for (let i = 0; i < 280; i += 1) {
    const offset = [0, 100, 5_000, 40_000][i % 4]!
    queries.push({
      offset,
      // Like the grid: a changed query counts once; scrolling through it does not recount.
      withTotal: offset === 0,
      limit: 100,
      sort: sorts[i % sorts.length]!,
      filters: filters[(i * 3) % filters.length]!,
      search: i % 20 === 0 ? '科技' : undefined,
    })
  }
  return queries
}

/** p95 of window queries (rows + count) over the mix, after a warm-up. */
export function gridWindowP95(core: Core): number {
  const stageIds = core.db.prepare("SELECT id FROM stages WHERE kind = 'open' ORDER BY sort_order").pluck().all() as number[]
  const ownerIds = core.db.prepare('SELECT id FROM users ORDER BY id').pluck().all() as number[]
  const ctx: QueryContext = { userId: ownerIds[0] ?? null, today: BENCH_ANCHOR }
  const mix = queryMix(stageIds, ownerIds)
  for (const query of mix.slice(0, 20)) runWindowQuery(core.db, 'opportunity', query, ctx)
  const samples = mix.map((query) => timeMs(() => runWindowQuery(core.db, 'opportunity', query, ctx)))
  return percentile(samples, 95)
}
