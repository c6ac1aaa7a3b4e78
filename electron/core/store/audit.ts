import type { Database } from 'better-sqlite3'
import type { AuditAction, EntityType } from '../../../shared/enums'
import type { AuditEntry } from '../../../shared/entities'
import type { WriteContext } from './writeContext'

export interface AuditChange {
  field: string | null
  oldValue: unknown
  newValue: unknown
}

/** Writes one audit row per changed field (or one row with no field for whole-record actions). */
export function writeAudit(
  db: Database,
  ctx: WriteContext,
  entityType: EntityType,
  entityId: number,
  action: AuditAction,
  changes: readonly AuditChange[] = [{ field: null, oldValue: null, newValue: null }],
): void {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, user_id, entity_type, entity_id, action, field, old_value, new_value, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const change of changes) {
    insert.run(
      ctx.now,
      ctx.userId,
      entityType,
      entityId,
      action,
      change.field,
      auditText(change.oldValue),
      auditText(change.newValue),
      ctx.batchId ?? null,
    )
  }
}

function auditText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return typeof value === 'string' ? value : JSON.stringify(value)
}

export function listAudit(db: Database, entityType: EntityType, entityId: number, limit: number): AuditEntry[] {
  return db
    .prepare(
      `SELECT l.id, l.at, l.user_id AS userId, u.name AS userName, l.entity_type AS entityType,
         l.entity_id AS entityId, l.action, l.field, l.old_value AS oldValue, l.new_value AS newValue,
         l.batch_id AS batchId
       FROM audit_log l LEFT JOIN users u ON u.id = l.user_id
       WHERE l.entity_type = ? AND l.entity_id = ?
       ORDER BY l.id DESC LIMIT ?`,
    )
    .all(entityType, entityId, limit) as AuditEntry[]
}
