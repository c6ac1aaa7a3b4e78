import type { Database } from 'better-sqlite3'
import type { SavedView } from '../../../shared/entities'
import type { GridEntity } from '../../../shared/enums'
import { ViewState } from '../../../shared/query'

const select = `SELECT id, entity, name, builtin_key AS builtinKey, owner_id AS ownerId, shared, state,
  updated_at AS updatedAt FROM saved_views`

type ViewRow = Omit<SavedView, 'shared' | 'state'> & { shared: number; state: string }

function toView(row: ViewRow): SavedView {
  return { ...row, shared: row.shared === 1, state: ViewState.parse(JSON.parse(row.state)) }
}

/** Built-in views first, then shared ones, then the user's own. */
export function listViews(db: Database, entity: GridEntity, userId: number | null): SavedView[] {
  return (
    db
      .prepare(
        `${select} WHERE entity = ? AND (builtin_key IS NOT NULL OR shared = 1 OR owner_id IS ?)
         ORDER BY builtin_key IS NULL, CASE WHEN builtin_key IS NOT NULL THEN id END, shared DESC, name`,
      )
      .all(entity, userId) as ViewRow[]
  ).map(toView)
}

/** Every saved view of every entity and person: for changes that must follow the data, such as a picklist merge. */
export function listAllViews(db: Database): SavedView[] {
  return (db.prepare(`${select} ORDER BY id`).all() as ViewRow[]).map(toView)
}

export function getView(db: Database, id: number): SavedView | undefined {
  const row = db.prepare(`${select} WHERE id = ?`).get(id) as ViewRow | undefined
  return row ? toView(row) : undefined
}

export interface ViewValues {
  entity: GridEntity
  name: string
  shared: boolean
  state: ViewState
  ownerId: number | null
}

export function insertView(db: Database, values: ViewValues, now: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO saved_views (entity, name, owner_id, shared, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(values.entity, values.name, values.ownerId, values.shared ? 1 : 0, JSON.stringify(values.state), now, now)
      .lastInsertRowid,
  )
}

export function updateView(db: Database, id: number, values: Omit<ViewValues, 'ownerId' | 'entity'>, now: string): void {
  db.prepare('UPDATE saved_views SET name = ?, shared = ?, state = ?, updated_at = ? WHERE id = ?').run(
    values.name,
    values.shared ? 1 : 0,
    JSON.stringify(values.state),
    now,
    id,
  )
}

export function deleteView(db: Database, id: number): void {
  db.prepare('DELETE FROM saved_views WHERE id = ?').run(id)
}
