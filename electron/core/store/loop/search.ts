import type { Database } from 'better-sqlite3'
import type { GridEntity } from '../../../../shared/enums'
import type { RecordType, SearchHit } from '../../../../shared/methods/loop'
import { searchMatchExpression } from '../../domain/searchText'

/** The FTS5 index of each searchable record type (migration 006). */
const indexes: Record<RecordType, string> = {
  account: 'search_accounts',
  contact: 'search_contacts',
  lead: 'search_leads',
  opportunity: 'search_opportunities',
}

const isIndexed = (entity: GridEntity): entity is RecordType => Object.hasOwn(indexes, entity)

/**
 * For the grids' quick search: a condition that keeps the rows of `alias`
 * whose record matches `text` in the search index, with its parameter.
 * Null when the entity has no index (activities, tasks) or the text has
 * nothing searchable in it; the caller then keeps its own search.
 */
export function searchIndexCondition(entity: GridEntity, alias: string, text: string): { sql: string; params: string[] } | null {
  const match = searchMatchExpression(text)
  if (!isIndexed(entity) || match === null) return null
  const index = indexes[entity]
  return { sql: `${alias}.id IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ?)`, params: [match] }
}

/**
 * Ids of up to `limit` records matching `match`: name hits first (when the
 * query may be a name), then hits in company, phone and email; newest first
 * within each. Also says whether more records match.
 */
export function searchIds(
  db: Database,
  entity: RecordType,
  match: string,
  limit: number,
  namesFirst: boolean,
): { ids: number[]; more: boolean } {
  const index = indexes[entity]
  const query = db.prepare(`SELECT rowid FROM ${index} WHERE ${index} MATCH ? ORDER BY rowid DESC LIMIT ?`).pluck()
  const titleIds = namesFirst ? (query.all(`title : (${match})`, limit + 1) as number[]) : []
  const ids = [...titleIds]
  if (ids.length <= limit) {
    const seen = new Set(titleIds)
    for (const id of query.all(match, limit + 1 + titleIds.length) as number[]) if (!seen.has(id)) ids.push(id)
  }
  return { ids: ids.slice(0, limit), more: ids.length > limit }
}

const hitSelect: Record<RecordType, string> = {
  account: `SELECT id, name AS title, coalesce(address, website) AS subtitle, phone, email FROM accounts`,
  contact: `SELECT c.id, c.name AS title, a.name AS subtitle, c.phone, c.email
    FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id`,
  lead: `SELECT id, company AS title, contact_name AS subtitle, phone, email FROM leads`,
  opportunity: `SELECT o.id, o.name AS title, a.name AS subtitle, NULL AS phone, NULL AS email
    FROM opportunities o LEFT JOIN accounts a ON a.id = o.account_id`,
}

const idColumn: Record<RecordType, string> = { account: 'id', contact: 'c.id', lead: 'id', opportunity: 'o.id' }

/** The hits for the given ids, in the same order. */
export function searchHits(db: Database, entity: RecordType, ids: readonly number[]): SearchHit[] {
  if (ids.length === 0) return []
  const rows = db
    .prepare(`${hitSelect[entity]} WHERE ${idColumn[entity]} IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as Omit<SearchHit, 'entityType'>[]
  const byId = new Map(rows.map((row) => [row.id, { entityType: entity, ...row }]))
  return ids.map((id) => byId.get(id)).filter((hit): hit is SearchHit => hit !== undefined)
}
