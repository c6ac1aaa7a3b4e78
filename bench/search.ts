import type { Core } from '../electron/core'
import { globalSearch } from '../electron/core/services/loop/search'
import { percentile, timeMs } from './stats'

export type SearchKind = 'name2' | 'company' | 'phone' | 'email'

/**
 * What people type into Ctrl+K, drawn from the workspace itself: two-character
 * Chinese names, three- and four-character company fragments, phone number
 * fragments and emails (whole, or the part before the @).
 */
export function searchMix(core: Core, perKind = 100): { kind: SearchKind; query: string }[] {
  const db = core.db
  const sample = (sql: string) => (db.prepare(sql).pluck().all(perKind) as string[]).filter((q) => q && q.trim().length > 0)
  const names = sample(
    `SELECT substr(name, 1, 2) FROM contacts WHERE name GLOB '[一-龥][一-龥]*' AND id % 7 = 0 ORDER BY id LIMIT ?`,
  )
  const companies = sample(
    `SELECT substr(name, 3, 3 + (id % 2)) FROM accounts WHERE name GLOB '*有限公司' AND id % 3 = 0 ORDER BY id LIMIT ?`,
  )
  const phones = sample(`SELECT substr(phone_norm, 1 + (id % 5), 4 + (id % 4)) FROM contacts
    WHERE length(phone_norm) >= 11 AND id % 5 = 0 ORDER BY id LIMIT ?`)
  const emails = sample(`SELECT CASE WHEN id % 2 = 0 THEN email ELSE substr(email, 1, instr(email, '@') - 1) END FROM contacts
    WHERE email LIKE '%@%' AND id % 11 = 0 ORDER BY id LIMIT ?`)
  const tagged = (kind: SearchKind, queries: string[]) => queries.map((query) => ({ kind, query }))
  // Interleaved, so that no kind benefits from a cache warmed by its neighbours.
  const all = [tagged('name2', names), tagged('company', companies), tagged('phone', phones), tagged('email', emails)]
  const mixed: { kind: SearchKind; query: string }[] = []
  for (let i = 0; i < perKind; i += 1) for (const list of all) if (list[i]) mixed.push(list[i]!)
  return mixed
}

/** p95 (and p95 per kind) of the whole global search: index lookups and the hits of four groups. */
export function searchP95(core: Core): { p95: number; byKind: Record<SearchKind, number> } {
  const mix = searchMix(core)
  for (const { query } of mix.slice(0, 20)) globalSearch(core, { query, limit: 5 })
  const samples = mix.map(({ kind, query }) => ({ kind, ms: timeMs(() => globalSearch(core, { query, limit: 5 })) }))
  const kinds: SearchKind[] = ['name2', 'company', 'phone', 'email']
  const byKind = Object.fromEntries(
    kinds.map((kind) => [kind, percentile(samples.filter((s) => s.kind === kind).map((s) => s.ms), 95)]),
  ) as Record<SearchKind, number>
  return { p95: percentile(samples.map((s) => s.ms), 95), byKind }
}
