import type { WindowQuery } from '../shared/query'
import type { Core } from '../electron/core'
import { DEEP_OFFSET } from '../electron/core/store/windowCache'
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
  for (let i = 0; i < 49; i += 1) {
    queries.push({
      offset: 0,
      limit: 100,
      sort: sorts[i % sorts.length]!,
      filters: filters[Math.floor(i / sorts.length)]!,
      search: i % 10 === 0 ? '科技' : undefined,
    })
  }
  return queries
}

/**
 * What the grid asks for while a person works through one list: the first
 * window with its count, a few pages of scrolling, a drag of the scrollbar
 * to the middle and on, then near the end.
 */
const SESSION_OFFSETS = [0, 100, 200, 300, 400, 5_000, 5_100, 5_200, 40_000, 40_100]

export interface GridWindowFigures {
  p95: number
  /** Each list's first window with its count, nothing known yet. */
  firstP95: number
  /** Each list's first window deep down (the first jump past the windows read from the top). */
  deepJumpP95: number
  windows: number
}

/**
 * p95 of window queries (ids, rows, and the count when the query changed)
 * over every window of every session: 49 sort × filter lists, 10 windows each.
 */
export function gridWindowFigures(core: Core): GridWindowFigures {
  const stageIds = core.db.prepare("SELECT id FROM stages WHERE kind = 'open' ORDER BY sort_order").pluck().all() as number[]
  const ownerIds = core.db.prepare('SELECT id FROM users ORDER BY id').pluck().all() as number[]
  const ctx: QueryContext = { userId: ownerIds[0] ?? null, today: BENCH_ANCHOR }
  const mix = queryMix(stageIds, ownerIds)
  const session = (query: WindowQuery) =>
    SESSION_OFFSETS.map((offset) =>
      timeMs(() => runWindowQuery(core.db, 'opportunity', { ...query, offset, withTotal: offset === 0 }, ctx)),
    )
  // Warm SQLite's and the OS's page caches, then forget what the store learnt, so each session starts cold.
  for (const query of mix) session(query)
  core.db.exec('CREATE TEMP TABLE IF NOT EXISTS bench_forget (n); INSERT INTO bench_forget VALUES (1)')
  const sessions = mix.map(session)
  const deepJump = SESSION_OFFSETS.findIndex((offset) => offset >= DEEP_OFFSET)
  return {
    p95: percentile(sessions.flat(), 95),
    firstP95: percentile(sessions.map((s) => s[0]!), 95),
    deepJumpP95: percentile(sessions.map((s) => s[deepJump]!), 95),
    windows: sessions.flat().length,
  }
}
