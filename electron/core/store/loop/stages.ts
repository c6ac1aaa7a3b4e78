import type { Database } from 'better-sqlite3'
import type { Stage } from '../../../../shared/entities'
import { toColumn } from '../records'

export type StageValues = Partial<Omit<Stage, 'id' | 'pipelineId' | 'key' | 'sortOrder' | 'kind'>>

const jsonColumns = new Set(['requiredFields', 'entryTasks'])

function toStageColumns(values: StageValues): Record<string, unknown> {
  const row: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue
    row[toColumn(field)] = jsonColumns.has(field) ? JSON.stringify(value) : typeof value === 'boolean' ? Number(value) : value
  }
  return row
}

/** A new open stage at `position` (1-based) in its pipeline; the stages from there on move down one. */
export function insertStage(db: Database, pipelineId: number, key: string, position: number, values: StageValues): number {
  db.prepare('UPDATE stages SET sort_order = sort_order + 1 WHERE pipeline_id = ? AND sort_order >= ?').run(pipelineId, position)
  const row = { pipeline_id: pipelineId, key, sort_order: position, kind: 'open', ...toStageColumns(values) }
  const columns = Object.keys(row)
  return Number(
    db
      .prepare(`INSERT INTO stages (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...columns.map((c) => row[c as keyof typeof row])).lastInsertRowid,
  )
}

export function updateStage(db: Database, id: number, values: StageValues): void {
  const row = toStageColumns(values)
  const columns = Object.keys(row)
  if (columns.length === 0) return
  db.prepare(`UPDATE stages SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((c) => row[c]), id)
}

/** Sort orders 1..n in the given order; the triggers of migration 001 keep the deals' stage sort keys right. */
export function reorderStages(db: Database, stageIds: readonly number[]): void {
  const update = db.prepare('UPDATE stages SET sort_order = ? WHERE id = ? AND sort_order IS NOT ?')
  stageIds.forEach((id, index) => update.run(index + 1, id, index + 1))
}

export function stageKeyExists(db: Database, pipelineId: number, key: string): boolean {
  return db.prepare('SELECT 1 FROM stages WHERE pipeline_id = ? AND key = ?').get(pipelineId, key) !== undefined
}
