import type { Database } from 'better-sqlite3'
import type { PicklistItem, Pipeline } from '../../../shared/entities'
import type { PicklistList } from '../../../shared/methods/config'
import { AppError } from '../errors'
import { listPicklists } from './reference'

// ───────────────────────────── picklists ─────────────────────────────

export function picklistListExists(db: Database, key: string): boolean {
  return db.prepare('SELECT 1 FROM picklist_lists WHERE key = ?').get(key) !== undefined
}

export function listPicklistLists(db: Database): PicklistList[] {
  return (
    db
      .prepare(
        `SELECT l.key, l.label_zh AS labelZh, l.label_en AS labelEn, l.builtin, l.fixed_values AS fixedValues,
           (SELECT count(*) FROM picklists p WHERE p.list_key = l.key) AS valueCount
         FROM picklist_lists l ORDER BY l.builtin DESC, l.rowid`,
      )
      .all() as (Omit<PicklistList, 'builtin' | 'fixedValues'> & { builtin: number; fixedValues: number })[]
  ).map((row) => ({ ...row, builtin: row.builtin === 1, fixedValues: row.fixedValues === 1 }))
}

export function getPicklistList(db: Database, key: string): PicklistList {
  const list = listPicklistLists(db).find((l) => l.key === key)
  if (!list) throw new AppError('PICKLIST_UNKNOWN', { listKey: key })
  return list
}

export function upsertPicklistList(db: Database, key: string, labelZh: string, labelEn: string): void {
  db.prepare(
    `INSERT INTO picklist_lists (key, label_zh, label_en) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET label_zh = excluded.label_zh, label_en = excluded.label_en`,
  ).run(key, labelZh, labelEn)
}

export function picklistValue(db: Database, listKey: string, value: string): PicklistItem | undefined {
  return listPicklists(db).find((item) => item.listKey === listKey && item.value === value)
}

export function insertPicklistValue(db: Database, item: Omit<PicklistItem, 'id'>): void {
  db.prepare(
    'INSERT INTO picklists (list_key, value, label_zh, label_en, sort_order, color, active) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(item.listKey, item.value, item.labelZh, item.labelEn, item.sortOrder, item.color, Number(item.active))
}

export function updatePicklistValue(db: Database, item: Omit<PicklistItem, 'id'>): void {
  db.prepare(
    'UPDATE picklists SET label_zh = ?, label_en = ?, sort_order = ?, color = ?, active = ? WHERE list_key = ? AND value = ?',
  ).run(item.labelZh, item.labelEn, item.sortOrder, item.color, Number(item.active), item.listKey, item.value)
}

export function nextPicklistOrder(db: Database, listKey: string): number {
  return db.prepare('SELECT coalesce(max(sort_order), 0) + 1 FROM picklists WHERE list_key = ?').pluck().get(listKey) as number
}

export function reorderPicklist(db: Database, listKey: string, values: readonly string[]): void {
  const update = db.prepare('UPDATE picklists SET sort_order = ? WHERE list_key = ? AND value = ?')
  values.forEach((value, index) => update.run(index + 1, listKey, value))
}

export function deletePicklistValue(db: Database, listKey: string, value: string): void {
  db.prepare('DELETE FROM picklists WHERE list_key = ? AND value = ?').run(listKey, value)
}

/** Built-in record columns that hold a list's values, by table. */
export const picklistColumns: Record<string, readonly { entity: 'account' | 'lead' | 'opportunity' | 'activity'; column: string }[]> = {
  source: [
    { entity: 'account', column: 'source' },
    { entity: 'lead', column: 'source' },
    { entity: 'opportunity', column: 'source' },
  ],
  industry: [
    { entity: 'account', column: 'industry' },
    { entity: 'lead', column: 'industry' },
  ],
  region: [
    { entity: 'account', column: 'region' },
    { entity: 'lead', column: 'region' },
  ],
  product_line: [{ entity: 'opportunity', column: 'product_line' }],
  loss_reason: [{ entity: 'opportunity', column: 'loss_reason' }],
  activity_type: [{ entity: 'activity', column: 'type' }],
}

// ───────────────────────────── pipelines ─────────────────────────────

export function getPipeline(db: Database, id: number): Pipeline {
  const row = db
    .prepare('SELECT id, key, name_zh AS nameZh, name_en AS nameEn, sort_order AS sortOrder, active FROM pipelines WHERE id = ?')
    .get(id) as (Omit<Pipeline, 'active'> & { active: number }) | undefined
  if (!row) throw new AppError('NOT_FOUND', { entity: 'pipeline', id })
  return { ...row, active: row.active === 1 }
}

export function pipelineKeyTaken(db: Database, key: string): boolean {
  return db.prepare('SELECT 1 FROM pipelines WHERE key = ?').get(key) !== undefined
}

export function insertPipeline(db: Database, key: string, nameZh: string, nameEn: string): number {
  const order = db.prepare('SELECT coalesce(max(sort_order), 0) + 1 FROM pipelines').pluck().get() as number
  return Number(
    db.prepare('INSERT INTO pipelines (key, name_zh, name_en, sort_order) VALUES (?, ?, ?, ?)').run(key, nameZh, nameEn, order)
      .lastInsertRowid,
  )
}

export function updatePipeline(db: Database, id: number, patch: { nameZh?: string; nameEn?: string; active?: boolean }): void {
  const current = getPipeline(db, id)
  db.prepare('UPDATE pipelines SET name_zh = ?, name_en = ?, active = ? WHERE id = ?').run(
    patch.nameZh ?? current.nameZh,
    patch.nameEn ?? current.nameEn,
    Number(patch.active ?? current.active),
    id,
  )
}

/** Sort orders 1..n; the trigger of migration 001 keeps the deals' stage sort keys right. */
export function reorderPipelines(db: Database, ids: readonly number[]): void {
  const update = db.prepare('UPDATE pipelines SET sort_order = ? WHERE id = ? AND sort_order IS NOT ?')
  ids.forEach((id, index) => update.run(index + 1, id, index + 1))
}

/** Any stage, closing ones included (stages.create only makes open stages): pipelines are created and imported with it. */
export function insertStageRow(
  db: Database,
  pipelineId: number,
  stage: { key: string; nameZh: string; nameEn: string; sortOrder: number; probability: number; kind: 'open' | 'won' | 'lost';
    rottingDays: number | null; forecastCategory: string; requiredFields: readonly string[]; entryTasks: readonly string[]; active: boolean },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO stages (pipeline_id, key, name_zh, name_en, sort_order, probability, kind, rotting_days, forecast_category,
           required_fields, entry_tasks, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        pipelineId, stage.key, stage.nameZh, stage.nameEn, stage.sortOrder, stage.probability, stage.kind, stage.rottingDays,
        stage.forecastCategory, JSON.stringify(stage.requiredFields), JSON.stringify(stage.entryTasks), Number(stage.active),
      ).lastInsertRowid,
  )
}
