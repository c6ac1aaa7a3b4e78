import type { Database } from 'better-sqlite3'
import type { PicklistItem, Pipeline, Stage, User } from '../../../shared/entities'

export function listUsers(db: Database): User[] {
  return db
    .prepare('SELECT id, name, name_en AS nameEn, email, role, team, active FROM users ORDER BY id')
    .all()
    .map((row) => ({ ...(row as User), active: Boolean((row as { active: number }).active) }))
}

export function listPipelines(db: Database): Pipeline[] {
  return db
    .prepare('SELECT id, key, name_zh AS nameZh, name_en AS nameEn, sort_order AS sortOrder, active FROM pipelines ORDER BY sort_order')
    .all()
    .map((row) => ({ ...(row as Pipeline), active: Boolean((row as { active: number }).active) }))
}

const stageSelect = `SELECT id, pipeline_id AS pipelineId, key, name_zh AS nameZh, name_en AS nameEn,
  sort_order AS sortOrder, probability, kind, rotting_days AS rottingDays, forecast_category AS forecastCategory,
  required_fields AS requiredFields, entry_tasks AS entryTasks, active FROM stages`

type StageRow = Omit<Stage, 'requiredFields' | 'entryTasks' | 'active'> & {
  requiredFields: string
  entryTasks: string
  active: number
}

function toStage(row: StageRow): Stage {
  return {
    ...row,
    requiredFields: JSON.parse(row.requiredFields),
    entryTasks: JSON.parse(row.entryTasks),
    active: Boolean(row.active),
  }
}

export function listStages(db: Database, pipelineId?: number): Stage[] {
  const rows =
    pipelineId === undefined
      ? db.prepare(`${stageSelect} ORDER BY pipeline_id, sort_order`).all()
      : db.prepare(`${stageSelect} WHERE pipeline_id = ? ORDER BY sort_order`).all(pipelineId)
  return (rows as StageRow[]).map(toStage)
}

export function getStage(db: Database, id: number): Stage | undefined {
  const row = db.prepare(`${stageSelect} WHERE id = ?`).get(id) as StageRow | undefined
  return row ? toStage(row) : undefined
}

export function listPicklists(db: Database): PicklistItem[] {
  return db
    .prepare(
      `SELECT id, list_key AS listKey, value, label_zh AS labelZh, label_en AS labelEn, sort_order AS sortOrder,
         color, active FROM picklists ORDER BY list_key, sort_order`,
    )
    .all()
    .map((row) => ({ ...(row as PicklistItem), active: Boolean((row as { active: number }).active) }))
}

export function userExists(db: Database, id: number): boolean {
  return db.prepare('SELECT 1 FROM users WHERE id = ?').get(id) !== undefined
}

export function readSetting(db: Database, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  return row ? JSON.parse(row.value) : undefined
}

export function writeSetting(db: Database, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  )
}
