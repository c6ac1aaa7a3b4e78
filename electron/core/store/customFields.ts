import type { Database } from 'better-sqlite3'
import type { ColumnType } from '../../../shared/columns'
import type { CustomField, CustomFieldEntity, CustomFieldType, CustomValue } from '../../../shared/entities'
import { AppError } from '../errors'
import type { ColumnSql } from './gridSources'
import { reindexRecordsSql } from './loop/searchIndexSql'
import { tables } from './records'

/**
 * Custom field definitions, and their values. A record's values live in its
 * `custom` JSON column (the source of truth, what the API, exports and the
 * config file read); each live field also has a shadow column `cf_<key>` on
 * the entity's table, kept equal to json_extract(custom, '$.<key>') by
 * triggers (like the sort keys of migration 001), with an index. Grids sort
 * and filter on that plain column, as fast as on a built-in one.
 *
 * Field keys match /^[a-z][a-z0-9_]{0,39}$/ (the contract checks it on
 * create), so a key can be written into a JSON path, a column or an index
 * name; every key used here comes from a stored definition.
 */

const KEY = /^[a-z][a-z0-9_]{0,39}$/

function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new AppError('CUSTOM_FIELD_UNKNOWN', { key })
  return key
}

const jsonPath = (key: string) => `'$.${checkedKey(key)}'`

/** The shadow column holding one field's value. */
export const shadowColumn = (key: string) => `cf_${checkedKey(key)}`

/** Reads one field's value out of a record's JSON (also for fields in the trash, which have no shadow column). */
export const customValueSql = (alias: string, key: string) => `json_extract(${alias}.custom, ${jsonPath(key)})`

/** The values of a multi-select field, as a table-valued function over a record's JSON. */
export const customEachSql = (alias: string, key: string) => `json_each(${alias}.custom, ${jsonPath(key)})`

const indexName = (entity: CustomFieldEntity, key: string) => `cf_${entity}_${checkedKey(key)}`

function hasColumn(db: Database, entity: CustomFieldEntity, column: string): boolean {
  return (db.pragma(`table_info(${tables[entity]})`) as { name: string }[]).some((c) => c.name === column)
}

/**
 * Recreates the entity's two sync triggers for its live fields: one
 * statement per write copies every field's value out of the JSON.
 */
function syncTriggers(db: Database, entity: CustomFieldEntity): void {
  const table = tables[entity]
  db.exec(`DROP TRIGGER IF EXISTS cf_${entity}_on_insert; DROP TRIGGER IF EXISTS cf_${entity}_on_update;`)
  const keys = listFields(db, entity).map((f) => f.key)
  if (keys.length === 0) return
  const sets = keys.map((key) => `${shadowColumn(key)} = json_extract(NEW.custom, ${jsonPath(key)})`).join(', ')
  db.exec(`
    CREATE TRIGGER cf_${entity}_on_insert AFTER INSERT ON ${table} WHEN NEW.custom <> '{}' BEGIN
      UPDATE ${table} SET ${sets} WHERE id = NEW.id;
    END;
    CREATE TRIGGER cf_${entity}_on_update AFTER UPDATE OF custom ON ${table} BEGIN
      UPDATE ${table} SET ${sets} WHERE id = NEW.id;
    END;`)
}

/** Gives a live field its shadow column (filled from the JSON), its index and its place in the sync triggers. */
export function materializeField(db: Database, entity: CustomFieldEntity, key: string): void {
  const table = tables[entity]
  const column = shadowColumn(key)
  if (!hasColumn(db, entity, column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column}`)
  db.exec(`UPDATE ${table} SET ${column} = json_extract(custom, ${jsonPath(key)}) WHERE custom <> '{}'`)
  indexField(db, entity, key)
  syncTriggers(db, entity)
  reindexFieldSearch(db, entity, key)
}

/**
 * Built-in columns a custom field's index carries, per entity: the deal
 * grid's common filters, as its built-in sort indexes carry them (migration
 * 011), so sorting deals by a custom field under those filters reads the
 * index alone.
 */
const coveredFilters: Partial<Record<CustomFieldEntity, string>> = {
  opportunity: 'stage_id, owner_id, pipeline_id, amount, expected_close_date, source, ',
}

/**
 * (Re)builds a live field's index: its value, then `id` (every grid's
 * tiebreak), the entity's common filters and `deleted_at` (always NULL
 * here), so a window sorted by the field walks the index without reading
 * the table's rows.
 */
export function indexField(db: Database, entity: CustomFieldEntity, key: string): void {
  const name = indexName(entity, key)
  db.exec(`DROP INDEX IF EXISTS ${name};
    CREATE INDEX ${name} ON ${tables[entity]}(${shadowColumn(key)}, id, ${coveredFilters[entity] ?? ''}deleted_at) WHERE deleted_at IS NULL;`)
  // Statistics for the new index at once, so the planner weighs it like the built-in ones.
  db.exec(`ANALYZE ${name}`)
}

/** Removes a field's shadow column and index (its values stay in the JSON); call after the field left the live list. */
export function dematerializeField(db: Database, entity: CustomFieldEntity, key: string): void {
  db.exec(`DROP INDEX IF EXISTS ${indexName(entity, key)}`)
  syncTriggers(db, entity)
  if (hasColumn(db, entity, shadowColumn(key))) db.exec(`ALTER TABLE ${tables[entity]} DROP COLUMN ${shadowColumn(key)}`)
  reindexFieldSearch(db, entity, key)
}

/** Re-enters in the search index the records holding a value for the field, after its searchability changed (create, type, trash). */
export function reindexFieldSearch(db: Database, entity: CustomFieldEntity, key: string): void {
  for (const sql of reindexRecordsSql(entity)) db.prepare(sql).run({ path: `$.${checkedKey(key)}` })
}

interface FieldRow {
  id: number
  entity: CustomFieldEntity
  key: string
  labelZh: string
  labelEn: string
  type: CustomFieldType
  picklistKey: string | null
  required: number
  requiredStageIds: string
  defaultValue: string | null
  helpText: string | null
  position: number
  deletedAt: string | null
  version: number
}

const fieldSelect = `SELECT id, entity, key, label_zh AS labelZh, label_en AS labelEn, type, picklist_key AS picklistKey,
  required, required_stage_ids AS requiredStageIds, default_value AS defaultValue, help_text AS helpText, position,
  deleted_at AS deletedAt, version FROM custom_fields`

function toField(row: FieldRow): CustomField {
  return {
    ...row,
    required: row.required === 1,
    requiredStageIds: JSON.parse(row.requiredStageIds) as number[],
    defaultValue: row.defaultValue === null ? null : (JSON.parse(row.defaultValue) as CustomValue),
  }
}

export function listFields(db: Database, entity?: CustomFieldEntity, includeDeleted = false): CustomField[] {
  const where = [includeDeleted ? '1' : 'deleted_at IS NULL', entity ? 'entity = ?' : '1'].join(' AND ')
  const rows = db.prepare(`${fieldSelect} WHERE ${where} ORDER BY entity, position, id`).all(...(entity ? [entity] : []))
  return (rows as FieldRow[]).map(toField)
}

export function getField(db: Database, id: number): CustomField {
  const row = db.prepare(`${fieldSelect} WHERE id = ?`).get(id) as FieldRow | undefined
  if (!row) throw new AppError('CUSTOM_FIELD_UNKNOWN', { id })
  return toField(row)
}

/** The live field of an entity with that key, if any. */
export function liveField(db: Database, entity: CustomFieldEntity, key: string): CustomField | undefined {
  const row = db.prepare(`${fieldSelect} WHERE entity = ? AND key = ? AND deleted_at IS NULL`).get(entity, key) as FieldRow | undefined
  return row ? toField(row) : undefined
}

export function fieldKeyTaken(db: Database, entity: CustomFieldEntity, key: string): boolean {
  return db.prepare('SELECT 1 FROM custom_fields WHERE entity = ? AND key = ?').get(entity, key) !== undefined
}

export type FieldValues = Omit<CustomField, 'id' | 'deletedAt' | 'version'>

function fieldColumns(values: Partial<FieldValues>): Record<string, unknown> {
  const columns: Record<string, unknown> = {}
  const set = (column: string, value: unknown) => {
    if (value !== undefined) columns[column] = value
  }
  set('entity', values.entity)
  set('key', values.key)
  set('label_zh', values.labelZh)
  set('label_en', values.labelEn)
  set('type', values.type)
  set('picklist_key', values.picklistKey)
  set('required', values.required === undefined ? undefined : Number(values.required))
  set('required_stage_ids', values.requiredStageIds && JSON.stringify(values.requiredStageIds))
  set('default_value', values.defaultValue === undefined ? undefined : values.defaultValue === null ? null : JSON.stringify(values.defaultValue))
  set('help_text', values.helpText)
  set('position', values.position)
  return columns
}

export function insertField(db: Database, values: FieldValues, now: string): number {
  const columns = fieldColumns(values)
  const names = Object.keys(columns)
  return Number(
    db
      .prepare(
        `INSERT INTO custom_fields (${names.join(', ')}, created_at, updated_at) VALUES (${names.map(() => '?').join(', ')}, ?, ?)`,
      )
      .run(...names.map((n) => columns[n]), now, now).lastInsertRowid,
  )
}

/** Optimistic update of a definition; CONFLICT (with the fresh field) when it moved on. */
export function updateField(db: Database, id: number, version: number, values: Partial<FieldValues>, now: string): void {
  const columns = fieldColumns(values)
  const names = Object.keys(columns)
  const sets = [...names.map((n) => `${n} = ?`), 'updated_at = ?', 'version = version + 1'].join(', ')
  const result = db
    .prepare(`UPDATE custom_fields SET ${sets} WHERE id = ? AND version = ?`)
    .run(...names.map((n) => columns[n]), now, id, version)
  if (result.changes !== 1) throw new AppError('CONFLICT', { entity: 'customField', id, current: getField(db, id) })
}

export function setFieldDeletedAt(db: Database, id: number, deletedAt: string | null, now: string): void {
  db.prepare('UPDATE custom_fields SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(deletedAt, now, id)
}

export function deleteFieldRow(db: Database, id: number): void {
  db.prepare('DELETE FROM custom_fields WHERE id = ?').run(id)
}

export function nextFieldPosition(db: Database, entity: CustomFieldEntity): number {
  return (db.prepare('SELECT coalesce(max(position), -1) + 1 FROM custom_fields WHERE entity = ?').pluck().get(entity) as number) ?? 0
}

// ───────────────────────────── values on records ─────────────────────────────

/** Every record (live or in the trash) holding a value for the field, with that value. */
export function recordsWithValue(db: Database, entity: CustomFieldEntity, key: string): { id: number; value: CustomValue }[] {
  const path = jsonPath(key)
  return (
    db
      .prepare(`SELECT id, json_quote(json_extract(custom, ${path})) AS value FROM ${tables[entity]} WHERE json_type(custom, ${path}) IS NOT NULL
        AND json_type(custom, ${path}) <> 'null'`)
      .all() as { id: number; value: string }[]
  ).map((row) => ({ id: row.id, value: JSON.parse(row.value) as CustomValue }))
}

/** Sets (or, for null, removes) one field's value on the given records, bumping their versions. */
export function writeFieldValues(
  db: Database,
  entity: CustomFieldEntity,
  key: string,
  values: readonly { id: number; value: CustomValue | null }[],
  now: string,
): void {
  const path = jsonPath(key)
  const table = tables[entity]
  const set = db.prepare(`UPDATE ${table} SET custom = json_set(custom, ${path}, json(?)), version = version + 1, updated_at = ? WHERE id = ?`)
  const remove = db.prepare(`UPDATE ${table} SET custom = json_remove(custom, ${path}), version = version + 1, updated_at = ? WHERE id = ?`)
  for (const { id, value } of values) {
    if (value === null) remove.run(now, id)
    else set.run(JSON.stringify(value), now, id)
  }
}

/** Forgets a field's values on every record (emptying it from the trash); versions stay, nothing visible changed. */
export function removeFieldValues(db: Database, entity: CustomFieldEntity, key: string): void {
  const path = jsonPath(key)
  db.prepare(`UPDATE ${tables[entity]} SET custom = json_remove(custom, ${path}) WHERE json_type(custom, ${path}) IS NOT NULL`).run()
}

// ───────────────────────────── grid columns ─────────────────────────────

/** How a custom field's column reads in a grid query. */
export interface CustomColumnSql extends ColumnSql {
  readonly columnType: ColumnType
  readonly fieldType: CustomFieldType
  /** For multi-select fields: the table-valued function listing the record's values. */
  readonly eachSql?: string
}

/** The grid's column type for a custom field type. */
export const columnTypeOfField: Record<CustomFieldType, ColumnType> = {
  text: 'text',
  longText: 'text',
  number: 'number',
  currency: 'currency',
  percent: 'percent',
  date: 'date',
  datetime: 'datetime',
  picklist: 'picklist',
  multiPicklist: 'text',
  user: 'user',
  checkbox: 'boolean',
  phone: 'text',
  email: 'text',
  url: 'text',
}

/** Looks `custom.<key>` columns up in the live definitions when a query names one; queries read the shadow column. */
export function customColumnResolver(db: Database) {
  return (entity: string, key: string, alias: string): CustomColumnSql | undefined => {
    if (!Object.hasOwn(tables, entity) || entity === 'task') return undefined
    const field = liveField(db, entity as CustomFieldEntity, key)
    if (!field) return undefined
    const expr = `${alias}.${shadowColumn(field.key)}`
    return {
      expr,
      sortExpr: field.type === 'user' ? `(SELECT name FROM users WHERE id = ${expr})` : undefined,
      columnType: columnTypeOfField[field.type],
      fieldType: field.type,
      eachSql: field.type === 'multiPicklist' ? customEachSql(alias, field.key) : undefined,
    }
  }
}
