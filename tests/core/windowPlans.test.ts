import { describe, expect, it } from 'vitest'
import type { WindowQuery } from '../../shared/query'
import { customColumnResolver } from '../../electron/core/store/customFields'
import { compileWindowQuery, runWindowQuery, type Drive, type QueryContext, type WindowReading } from '../../electron/core/store/windowQuery'
import { DEEP_OFFSET } from '../../electron/core/store/windowCache'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'

/**
 * Every way the store may read a window (SQLite's own plan, the sort's index
 * walked forwards or backwards, the walk checked against the custom filters'
 * id sets, the whole list kept, a list sorted on several columns read group
 * by group) must give exactly the rows a plain reading gives: same ids, same
 * order (empty values last, ties by id), same total. The truth here is
 * computed in JavaScript from the raw rows.
 */

interface Deal {
  id: number
  amount: number | null
  name: string
  stageId: number
  kind: string
  ownerId: number | null
  source: string | null
  close: string | null
  updatedAt: string
  score: number | null
  tier: string | null
}

const SEARCH = '科技'

/** A demo workspace with ties, empty values, deals in the trash and two custom fields. */
async function prepared(): Promise<{ ws: TestWorkspace; deals: Deal[]; searched: Set<number> }> {
  const ws = await openWorkspace()
  await ws.call('workspace.loadDemo', { scale: 2500 })
  for (const [key, type] of [['score', 'number'], ['tier', 'picklist']] as const) {
    await ws.call('customFields.create', { entity: 'opportunity', key, type, labelZh: key, labelEn: key, ...(type === 'picklist' ? { picklistKey: 'source' } : {}) })
  }
  ws.core.db.exec(`
    UPDATE opportunities SET custom = json_set(custom,
      '$.score', CASE WHEN id % 9 = 0 THEN NULL ELSE (id * 7) % 40 END,
      '$.tier', CASE id % 5 WHEN 0 THEN 'website' WHEN 1 THEN 'referral' WHEN 2 THEN 'partner' WHEN 3 THEN NULL ELSE 'exhibition' END);
    UPDATE opportunities SET amount = NULL WHERE id % 11 = 0;
    UPDATE opportunities SET amount = round(amount, -5) WHERE amount IS NOT NULL;
    UPDATE opportunities SET expected_close_date = NULL WHERE id % 6 = 0;
    UPDATE opportunities SET deleted_at = '2026-11-01T00:00:00.000Z' WHERE id % 13 = 0;`)
  const deals = ws.core.db
    .prepare(
      `SELECT o.id, o.amount, o.name, o.stage_id AS stageId, s.kind, o.owner_id AS ownerId, o.source,
        o.expected_close_date AS close, o.updated_at AS updatedAt, o.cf_score AS score, o.cf_tier AS tier
       FROM opportunities o JOIN stages s ON s.id = o.stage_id WHERE o.deleted_at IS NULL`,
    )
    .all() as Deal[]
  const searched = new Set(
    ws.core.db.prepare(`SELECT rowid FROM search_opportunities WHERE search_opportunities MATCH ?`).pluck().all(`"${SEARCH}"`) as number[],
  )
  return { ws, deals, searched }
}

type Key = (d: Deal) => string | number | null

/** Ascending or descending by each key, empty values last, ties by id in the first key's direction. */
function ordered(deals: Deal[], keys: { key: Key; desc: boolean }[]): number[] {
  const compare = (a: string | number | null, b: string | number | null, desc: boolean) => {
    if (a === b) return 0
    if (a === null) return 1
    if (b === null) return -1
    return (a < b ? -1 : 1) * (desc ? -1 : 1)
  }
  const idDesc = keys[0]?.desc ?? false
  return [...deals]
    .sort((x, y) => {
      for (const { key, desc } of keys) {
        const c = compare(key(x), key(y), desc)
        if (c !== 0) return c
      }
      return (x.id - y.id) * (idDesc ? -1 : 1)
    })
    .map((d) => d.id)
}

interface Case {
  name: string
  query: Pick<WindowQuery, 'sort' | 'filters' | 'search'>
  truth: (deals: Deal[], searched: Set<number>) => number[]
}

const cases = (openStages: number[]): Case[] => [
  {
    name: 'amount ↓ among two sources (index answers the filter)',
    query: { sort: [{ column: 'amount', desc: true }], filters: [{ column: 'source', op: 'in', value: ['website', 'referral'] }] },
    truth: (deals) => ordered(deals.filter((d) => d.source === 'website' || d.source === 'referral'), [{ key: (d) => d.amount, desc: true }]),
  },
  {
    name: 'close date ↑ with empty dates, unfiltered',
    query: { sort: [{ column: 'expectedCloseDate', desc: false }], filters: [] },
    truth: (deals) => ordered(deals, [{ key: (d) => d.close, desc: false }]),
  },
  {
    name: 'name ↑ among open deals of some stages',
    query: {
      sort: [{ column: 'name', desc: false }],
      filters: [{ column: 'stageKind', op: 'in', value: ['open'] }, { column: 'stageId', op: 'in', value: openStages }],
    },
    truth: (deals) => ordered(deals.filter((d) => d.kind === 'open' && openStages.includes(d.stageId)), [{ key: (d) => d.name, desc: false }]),
  },
  {
    name: 'updated ↓ with a quick search and a stage filter',
    query: { sort: [{ column: 'updatedAt', desc: true }], filters: [{ column: 'stageKind', op: 'in', value: ['open'] }], search: SEARCH },
    truth: (deals, searched) => ordered(deals.filter((d) => d.kind === 'open' && searched.has(d.id)), [{ key: (d) => d.updatedAt, desc: true }]),
  },
  {
    name: 'custom score ↓ among custom tiers',
    query: { sort: [{ column: 'custom.score', desc: true }], filters: [{ column: 'custom.tier', op: 'in', value: ['website', 'referral', 'exhibition'] }] },
    truth: (deals) => ordered(deals.filter((d) => d.tier !== null && d.tier !== 'partner'), [{ key: (d) => d.score, desc: true }]),
  },
  {
    name: 'amount ↓ among a custom score range',
    query: { sort: [{ column: 'amount', desc: true }], filters: [{ column: 'custom.score', op: 'between', value: { from: 5, to: 30 } }] },
    truth: (deals) => ordered(deals.filter((d) => d.score !== null && d.score >= 5 && d.score <= 30), [{ key: (d) => d.amount, desc: true }]),
  },
  {
    name: 'custom tier ↑ then custom score ↓ (no index gives the order)',
    query: { sort: [{ column: 'custom.tier', desc: false }, { column: 'custom.score', desc: true }], filters: [] },
    truth: (deals) => ordered(deals, [{ key: (d) => d.tier, desc: false }, { key: (d) => d.score, desc: true }]),
  },
  {
    name: 'custom tier ↓ then custom score ↑ within a custom score range, with a quick search',
    query: {
      sort: [{ column: 'custom.tier', desc: true }, { column: 'custom.score', desc: false }],
      filters: [{ column: 'custom.score', op: 'between', value: { from: 3, to: 36 } }],
      search: SEARCH,
    },
    truth: (deals, searched) =>
      ordered(
        deals.filter((d) => searched.has(d.id) && d.score !== null && d.score >= 3 && d.score <= 36),
        [{ key: (d) => d.tier, desc: true }, { key: (d) => d.score, desc: false }],
      ),
  },
  {
    name: 'custom score ↓ (empty scores) then custom tier ↑ then name ↑, open deals of some tiers',
    query: {
      sort: [{ column: 'custom.score', desc: true }, { column: 'custom.tier', desc: false }, { column: 'name', desc: false }],
      filters: [{ column: 'stageKind', op: 'in', value: ['open'] }, { column: 'custom.tier', op: 'in', value: ['website', 'partner', null] }],
    },
    truth: (deals) =>
      ordered(
        deals.filter((d) => d.kind === 'open' && (d.tier === 'website' || d.tier === 'partner' || d.tier === null)),
        [{ key: (d) => d.score, desc: true }, { key: (d) => d.tier, desc: false }, { key: (d) => d.name, desc: false }],
      ),
  },
  {
    name: 'custom tier ↑ then amount ↓ among a custom score range and open deals',
    query: {
      sort: [{ column: 'custom.tier', desc: false }, { column: 'amount', desc: true }],
      filters: [{ column: 'custom.score', op: 'between', value: { from: 0, to: 25 } }, { column: 'stageKind', op: 'in', value: ['open'] }],
    },
    truth: (deals) =>
      ordered(
        deals.filter((d) => d.kind === 'open' && d.score !== null && d.score <= 25),
        [{ key: (d) => d.tier, desc: false }, { key: (d) => d.amount, desc: true }],
      ),
  },
  {
    name: 'custom score ↓ within its own range, among two custom tiers',
    query: {
      sort: [{ column: 'custom.score', desc: true }],
      filters: [{ column: 'custom.score', op: 'between', value: { from: 10, to: 30 } }, { column: 'custom.tier', op: 'in', value: ['website', 'partner'] }],
    },
    truth: (deals) =>
      ordered(
        deals.filter((d) => d.score !== null && d.score >= 10 && d.score <= 30 && (d.tier === 'website' || d.tier === 'partner')),
        [{ key: (d) => d.score, desc: true }],
      ),
  },
  {
    name: 'close date ↑ among two custom filters and a quick search',
    query: {
      sort: [{ column: 'expectedCloseDate', desc: false }],
      filters: [{ column: 'custom.score', op: 'between', value: { from: 5, to: 35 } }, { column: 'custom.tier', op: 'in', value: ['referral', 'exhibition', null] }],
      search: SEARCH,
    },
    truth: (deals, searched) =>
      ordered(
        deals.filter((d) => searched.has(d.id) && d.score !== null && d.score >= 5 && d.score <= 35 && (d.tier === 'referral' || d.tier === 'exhibition' || d.tier === null)),
        [{ key: (d) => d.close, desc: false }],
      ),
  },
]

function contextOf(ws: TestWorkspace): QueryContext {
  return { userId: null, today: new Date('2026-11-20T08:00:00Z'), customColumn: customColumnResolver(ws.core.db) }
}

describe('window query plans', () => {
  it('give the same ids in the same order in every drive mode, forwards and backwards', async () => {
    const { ws, deals, searched } = await prepared()
    const openStages = [...new Set(deals.filter((d) => d.kind === 'open').map((d) => d.stageId))].slice(0, 3)
    for (const c of cases(openStages)) {
      const truth = c.truth(deals, searched)
      expect(truth.length, c.name).toBeGreaterThan(c.query.search ? 10 : 60)
      const middle = Math.floor(truth.length / 2)
      for (const drive of ['planner', 'sort'] as Drive[]) {
        const compiled = compileWindowQuery('opportunity', { offset: 0, limit: 50, ...c.query }, contextOf(ws), drive)
        const read = (sql: string, limit: number, offset: number) =>
          ws.core.db.prepare(sql).pluck().all(...compiled.params, limit, offset) as number[]
        expect(ws.core.db.prepare(compiled.allIdsSql).pluck().all(...compiled.params), `${c.name} / ${drive}`).toEqual(truth)
        expect(read(compiled.idsSql, 40, middle), `${c.name} / ${drive} forwards`).toEqual(truth.slice(middle, middle + 40))
        // The last 40 rows, read from the end and turned round.
        expect(read(compiled.reversedIdsSql, 40, 0).reverse(), `${c.name} / ${drive} backwards`).toEqual(truth.slice(-40))
        expect(ws.core.db.prepare(compiled.countSql).pluck().get(...compiled.params), c.name).toBe(truth.length)
      }
    }
  }, 120_000)

  it('serve every window of a scrolling session, deep jumps and the list’s end included, exactly as the list read whole', async () => {
    const { ws, deals, searched } = await prepared()
    const openStages = [...new Set(deals.filter((d) => d.kind === 'open').map((d) => d.stageId))].slice(0, 3)
    for (const c of cases(openStages)) {
      const truth = c.truth(deals, searched)
      const offsets = [0, 100, DEEP_OFFSET, DEEP_OFFSET + 100, truth.length - 120, truth.length - 30, truth.length, truth.length + 500]
      for (const offset of offsets.filter((o) => o >= 0)) {
        const window = await ws.call('opportunities.list', { offset, limit: 50, ...c.query, withTotal: true } as WindowQuery)
        expect(window.rows.map((r) => r.id), `${c.name} @ ${offset}`).toEqual(truth.slice(offset, offset + 50))
        expect(window.total, `${c.name} @ ${offset}`).toBe(truth.length)
      }
    }
    // Deals in the trash never show, wherever the window is read from.
    const trashed = ws.core.db.prepare('SELECT count(*) FROM opportunities WHERE deleted_at IS NOT NULL').pluck().get() as number
    expect(trashed).toBeGreaterThan(0)
  }, 120_000)

  it('read every list the same whichever reading is forced, group by group or not, from either end', async () => {
    const { ws, deals, searched } = await prepared()
    const db = ws.core.db
    const openStages = [...new Set(deals.filter((d) => d.kind === 'open').map((d) => d.stageId))].slice(0, 3)
    const readings: (WindowReading | undefined)[] = [undefined, 'whole', 'sortIndex', 'idSetWalk']
    for (const c of cases(openStages)) {
      const truth = c.truth(deals, searched)
      const offsets = [0, 60, 20, DEEP_OFFSET, DEEP_OFFSET + 60, truth.length - 70, Math.floor(truth.length / 2), truth.length - 10, truth.length]
      for (const reading of readings) {
        for (const groups of [false, true]) {
          // Forget what earlier readings of the same list learnt (a write changes the connection's stamp).
          db.exec('CREATE TEMP TABLE IF NOT EXISTS forget (n); INSERT INTO forget VALUES (1)')
          const ctx = { ...contextOf(ws), force: { reading, groups } }
          for (const offset of offsets.filter((o) => o >= 0)) {
            const label = `${c.name} / ${reading ?? 'cheapest'}${groups ? ' / groups' : ''} @ ${offset}`
            const window = runWindowQuery<{ id: number }>(db, 'opportunity', { offset, limit: 50, ...c.query, withTotal: true }, ctx)
            expect(window.rows.map((r) => r.id), label).toEqual(truth.slice(offset, offset + 50))
            expect(window.total, label).toBe(truth.length)
          }
        }
      }
    }
  }, 240_000)
})
