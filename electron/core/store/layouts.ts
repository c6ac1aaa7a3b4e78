import type { Database } from 'better-sqlite3'
import type { LayoutEntity, LayoutSection } from '../../../shared/methods/config'

export function readLayout(db: Database, entity: LayoutEntity): LayoutSection[] | undefined {
  const row = db.prepare('SELECT sections FROM form_layouts WHERE entity = ?').pluck().get(entity) as string | undefined
  return row === undefined ? undefined : (JSON.parse(row) as LayoutSection[])
}

export function writeLayout(db: Database, entity: LayoutEntity, sections: readonly LayoutSection[], now: string): void {
  db.prepare(
    `INSERT INTO form_layouts (entity, sections, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(entity) DO UPDATE SET sections = excluded.sections, updated_at = excluded.updated_at`,
  ).run(entity, JSON.stringify(sections), now)
}

export function deleteLayout(db: Database, entity: LayoutEntity): void {
  db.prepare('DELETE FROM form_layouts WHERE entity = ?').run(entity)
}
