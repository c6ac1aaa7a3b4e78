import type { Database } from 'better-sqlite3'
import { reindexRecordsSql, replaceSearchTriggersSql } from '../loop/searchIndexSql'

/**
 * Text-like custom fields (text, long text, phone, email, URL) become
 * searchable, in Ctrl+K and in the grids' quick search: the index triggers
 * now also watch the `custom` column and index those fields' values, and the
 * records that already hold custom values are re-entered.
 */
export function addCustomFieldSearch(db: Database): void {
  db.exec(replaceSearchTriggersSql({ custom: true }))
  const fields = db.prepare(`SELECT entity, key FROM custom_fields WHERE deleted_at IS NULL`).all() as { entity: string; key: string }[]
  for (const { entity, key } of fields) {
    for (const sql of reindexRecordsSql(entity)) db.prepare(sql).run({ path: `$.${key}` })
  }
}
