import type { Database } from 'better-sqlite3'
import type { CustomField, CustomFieldEntity } from '../../../shared/entities'
import { picklistColumns } from './config'
import { customEachSql, customValueSql, writeFieldValues } from './customFields'
import { tables } from './records'

export interface ValueMove {
  entity: CustomFieldEntity
  id: number
  /** The column or `custom.<key>` that changed. */
  field: string
}

type ListField = Pick<CustomField, 'entity' | 'key' | 'type'>

/** Records of one custom field holding `value` (for multi-select: among their values), with their stored value. */
function customHolders(db: Database, field: ListField, value: string): { id: number; stored: string | string[] }[] {
  const table = tables[field.entity]
  const expr = customValueSql(table, field.key)
  const sql =
    field.type === 'multiPicklist'
      ? `SELECT id, ${expr} AS stored FROM ${table} WHERE EXISTS (SELECT 1 FROM ${customEachSql(table, field.key)} WHERE value = ?)`
      : `SELECT id, ${expr} AS stored FROM ${table} WHERE ${expr} = ?`
  return (db.prepare(sql).all(value) as { id: number; stored: string }[]).map((row) => ({
    id: row.id,
    stored: field.type === 'multiPicklist' ? (JSON.parse(row.stored) as string[]) : row.stored,
  }))
}

/** How many records (live or in the trash) hold a list's value, in built-in columns and custom fields. */
export function countValueUses(db: Database, listKey: string, fields: readonly ListField[], value: string): number {
  let uses = 0
  for (const { entity, column } of picklistColumns[listKey] ?? []) {
    uses += db.prepare(`SELECT count(*) FROM ${tables[entity]} WHERE ${column} = ?`).pluck().get(value) as number
  }
  for (const field of fields) uses += customHolders(db, field, value).length
  return uses
}

/** Moves every record from one value of a list to another; says which records and fields changed. */
export function moveValue(
  db: Database,
  listKey: string,
  fields: readonly ListField[],
  from: string,
  into: string,
  now: string,
): ValueMove[] {
  const moves: ValueMove[] = []
  for (const { entity, column } of picklistColumns[listKey] ?? []) {
    const ids = db.prepare(`SELECT id FROM ${tables[entity]} WHERE ${column} = ?`).pluck().all(from) as number[]
    db.prepare(`UPDATE ${tables[entity]} SET ${column} = ?, version = version + 1, updated_at = ? WHERE ${column} = ?`).run(into, now, from)
    moves.push(...ids.map((id) => ({ entity, id, field: column })))
  }
  for (const field of fields) {
    const holders = customHolders(db, field, from)
    const values = holders.map(({ id, stored }) => ({
      id,
      value: Array.isArray(stored) ? [...new Set(stored.map((v) => (v === from ? into : v)))] : into,
    }))
    writeFieldValues(db, field.entity, field.key, values, now)
    moves.push(...holders.map(({ id }) => ({ entity: field.entity, id, field: `custom.${field.key}` })))
  }
  return moves
}
