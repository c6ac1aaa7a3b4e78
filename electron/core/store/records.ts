import type { Database } from 'better-sqlite3'
import type { EntityType, TrashableEntity } from '../../../shared/enums'
import { AppError } from '../errors'
import { writeAudit, type AuditChange } from './audit'
import type { WriteContext } from './writeContext'

/** The tables behind each entity. Table names never come from callers' strings. */
export const tables: Record<TrashableEntity, string> = {
  account: 'accounts',
  contact: 'contacts',
  lead: 'leads',
  opportunity: 'opportunities',
  activity: 'activities',
  task: 'tasks',
}

export type Row = Record<string, unknown>

/** The largest id in an entity's table: its size, read in one index step (new rows get ids above it). */
export const largestId = (db: Database, entity: TrashableEntity): number =>
  db.prepare(`SELECT coalesce(max(id), 0) FROM ${tables[entity]}`).pluck().get() as number

export function toColumn(field: string): string {
  return field.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)
}

/**
 * Inserts a row (columns already in snake_case) and audits its creation.
 * `createdAt` is now, unless the record comes with its history (an import).
 */
export function insertRecord(db: Database, ctx: WriteContext, entity: TrashableEntity, values: Row, createdAt: string = ctx.now): number {
  const columns = Object.keys(values)
  const sql = `INSERT INTO ${tables[entity]} (${columns.join(', ')}, created_at, updated_at)
    VALUES (${columns.map(() => '?').join(', ')}, ?, ?)`
  const id = Number(db.prepare(sql).run(...columns.map((c) => values[c]), createdAt, ctx.now).lastInsertRowid)
  writeAudit(db, ctx, entity, id, 'create')
  return id
}

/** The live row, or NOT_FOUND when it is absent or in the trash. */
export function getLiveRow(db: Database, entity: TrashableEntity, id: number): Row {
  const row = db.prepare(`SELECT * FROM ${tables[entity]} WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined
  if (!row) throw new AppError('NOT_FOUND', { entity, id })
  return row
}

/**
 * Optimistic update: refuses with CONFLICT (and the fresh row) when the row
 * moved on since the caller loaded `expectedVersion`. Audits each changed column.
 */
export function updateRecord(
  db: Database,
  ctx: WriteContext,
  entity: TrashableEntity,
  id: number,
  expectedVersion: number,
  values: Row,
  auditAction: 'update' | 'stage' | 'assign' = 'update',
): AuditChange[] {
  const current = getLiveRow(db, entity, id)
  if (current.version !== expectedVersion) throw new AppError('CONFLICT', { entity, id, current })
  const changes = Object.keys(values)
    .filter((column) => !sameValue(current[column], values[column]))
    .map((column) => ({ field: column, oldValue: current[column], newValue: values[column] }))
  if (changes.length === 0) return []
  const sets = changes.map((c) => `${c.field} = ?`).join(', ')
  const result = db
    .prepare(`UPDATE ${tables[entity]} SET ${sets}, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`)
    .run(...changes.map((c) => c.newValue), ctx.now, id, expectedVersion)
  if (result.changes !== 1) throw new AppError('CONFLICT', { entity, id, current: getLiveRow(db, entity, id) })
  writeAudit(db, ctx, entity, id, auditAction, changes.flatMap(auditedChanges))
  return changes
}

export function softDelete(db: Database, ctx: WriteContext, entity: TrashableEntity, id: number, version: number): void {
  const current = getLiveRow(db, entity, id)
  if (current.version !== version) throw new AppError('CONFLICT', { entity, id, current })
  db.prepare(`UPDATE ${tables[entity]} SET deleted_at = ?, version = version + 1 WHERE id = ?`).run(ctx.now, id)
  writeAudit(db, ctx, entity, id, 'delete')
}

export function restoreFromTrash(db: Database, ctx: WriteContext, entity: TrashableEntity, id: number): void {
  const result = db
    .prepare(`UPDATE ${tables[entity]} SET deleted_at = NULL, version = version + 1 WHERE id = ? AND deleted_at IS NOT NULL`)
    .run(id)
  if (result.changes !== 1) throw new AppError('NOT_FOUND', { entity, id })
  writeAudit(db, ctx, entity, id, 'restore')
}

const trashTitles: Record<TrashableEntity, string> = {
  account: 'name',
  contact: 'name',
  lead: 'company',
  opportunity: 'name',
  activity: 'content',
  task: 'title',
}

export function listTrash(db: Database): { entityType: EntityType; entityId: number; title: string; deletedAt: string }[] {
  const parts = (Object.keys(tables) as TrashableEntity[]).map(
    (entity) =>
      `SELECT '${entity}' AS entityType, id AS entityId, substr(${trashTitles[entity]}, 1, 200) AS title,
        deleted_at AS deletedAt FROM ${tables[entity]} WHERE deleted_at IS NOT NULL`,
  )
  return db.prepare(`${parts.join(' UNION ALL ')} ORDER BY deletedAt DESC LIMIT 1000`).all() as {
    entityType: EntityType
    entityId: number
    title: string
    deletedAt: string
  }[]
}

/** The custom values JSON is audited key by key (`custom.<key>`), like any other field. */
function auditedChanges(change: AuditChange): AuditChange[] {
  if (change.field !== 'custom' || typeof change.oldValue !== 'string' || typeof change.newValue !== 'string') return [change]
  const before = JSON.parse(change.oldValue) as Record<string, unknown>
  const after = JSON.parse(change.newValue) as Record<string, unknown>
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ field: `custom.${key}`, oldValue: before[key] ?? null, newValue: after[key] ?? null }))
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null)
}
