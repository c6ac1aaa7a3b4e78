import fs from 'node:fs'
import path from 'node:path'
import { dispatch, type Core } from '../electron/core'
import { customColumnResolver } from '../electron/core/store/customFields'
import { runWindowQuery, type QueryContext } from '../electron/core/store/windowQuery'
import type { WindowQuery } from '../shared/query'
import { percentile, round, timeMs } from './stats'
import { BENCH_ANCHOR, BENCH_DIR, openBenchCore } from './workspace'

/** The same scrolling session as the built-in grid figure: first window, pages, jumps deep into the list. */
const SESSION_OFFSETS = [0, 100, 200, 300, 400, 5_000, 5_100, 5_200, 40_000, 40_100]

const fields = [
  { key: 'cf_score', type: 'number', labelZh: '评分', labelEn: 'Score' },
  { key: 'cf_due', type: 'date', labelZh: '交付日期', labelEn: 'Delivery date' },
  { key: 'cf_tier', type: 'picklist', picklistKey: 'source', labelZh: '渠道层级', labelEn: 'Channel tier' },
  { key: 'cf_code', type: 'text', labelZh: '项目编号', labelEn: 'Project code' },
] as const

/** Sorts and filters on custom fields alone and mixed with built-in columns. */
function queryMix(): WindowQuery[] {
  const sorts = [
    [{ column: 'custom.cf_score', desc: true }],
    [{ column: 'custom.cf_due', desc: false }],
    [{ column: 'custom.cf_code', desc: false }],
    [{ column: 'custom.cf_tier', desc: false }, { column: 'custom.cf_score', desc: true }],
    [{ column: 'amount', desc: true }],
  ]
  const filters: WindowQuery['filters'][] = [
    [],
    [{ column: 'custom.cf_tier', op: 'in', value: ['website', 'referral'] }],
    [{ column: 'custom.cf_score', op: 'between', value: { from: 200, to: 400 } }],
    [{ column: 'custom.cf_due', op: 'preset', value: 'thisMonth' }],
    [{ column: 'custom.cf_code', op: 'equals', value: 'C-01234' }],
    [{ column: 'stageKind', op: 'in', value: ['open'] }, { column: 'custom.cf_tier', op: 'in', value: ['partner'] }],
  ]
  return sorts.flatMap((sort) => filters.map((f) => ({ offset: 0, limit: 100, sort, filters: f })))
}

/** A copy of the bench workspace with four custom fields filled on every deal; the original stays as other figures expect it. */
async function workspaceWithCustomFields(file: string): Promise<Core> {
  const copy = path.join(BENCH_DIR, `custom-${path.basename(file)}`)
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${copy}${suffix}`, { force: true })
  const source = await openBenchCore(file)
  await source.db.backup(copy)
  source.close()
  const core = await openBenchCore(copy)
  for (const field of fields) {
    const result = await dispatch(core, 'customFields.create', { entity: 'opportunity', ...field }, {})
    if (!result.ok) throw new Error(`customFields.create failed: ${result.error.message}`)
  }
  // Deterministic values on every deal, written in one statement (a bulk load, like the demo's).
  core.db.exec(`UPDATE opportunities SET custom = json_set(custom,
    '$.cf_score', (id * 7919) % 1000,
    '$.cf_due', date('2026-01-01', '+' || ((id * 31) % 730) || ' days'),
    '$.cf_tier', CASE id % 5 WHEN 0 THEN 'website' WHEN 1 THEN 'referral' WHEN 2 THEN 'partner' WHEN 3 THEN 'exhibition' ELSE NULL END,
    '$.cf_code', printf('C-%05d', (id * 7) % 100000));
    ANALYZE;`)
  return core
}

export interface CustomFieldFigures {
  p95: number
  firstP95: number
  windows: number
  note: string
}

/** p95 over every window of every session, as gridWindowFigures measures built-in columns. */
export async function customFieldFigures(file: string): Promise<CustomFieldFigures> {
  const core = await workspaceWithCustomFields(file)
  try {
    const ctx: QueryContext = { userId: null, today: BENCH_ANCHOR, customColumn: customColumnResolver(core.db) }
    const mix = queryMix()
    const session = (query: WindowQuery) =>
      SESSION_OFFSETS.map((offset) => timeMs(() => runWindowQuery(core.db, 'opportunity', { ...query, offset, withTotal: offset === 0 }, ctx)))
    for (const query of mix) session(query)
    core.db.exec('CREATE TEMP TABLE IF NOT EXISTS bench_forget (n); INSERT INTO bench_forget VALUES (1)')
    const sessions = mix.map(session)
    const p95 = percentile(sessions.flat(), 95)
    const firstP95 = percentile(sessions.map((s) => s[0]!), 95)
    const deals = core.db.prepare('SELECT count(*) FROM opportunities').pluck().get() as number
    return {
      p95,
      firstP95,
      windows: sessions.flat().length,
      note:
        `custom_field_window_p95_ms: 4 custom fields (number, date, picklist, text) filled on all ${deals} deals; ` +
        `${sessions.flat().length} windows of 100 rows over ${mix.length} sort × filter lists; first window with its count p95 ${round(firstP95)} ms.`,
    }
  } finally {
    core.close()
  }
}
