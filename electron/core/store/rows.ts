import type { Database } from 'better-sqlite3'
import type { GridEntity } from '../../../shared/enums'
import { AppError } from '../errors'
import { aliasOf, fullFrom, gridSources } from './gridSources'

/**
 * Rows in the grid's shape, narrowed by a condition written here in the store
 * (never by callers) on the entity's alias.
 */
export function selectGridRows<T>(
  db: Database,
  entity: GridEntity,
  condition: (alias: string) => string,
  params: unknown[],
  order: (alias: string) => string,
  limit: number,
): T[] {
  const source = gridSources[entity]
  const alias = aliasOf(entity)
  return db
    .prepare(
      `SELECT ${source.select} FROM ${fullFrom(entity)} WHERE ${source.where} AND ${condition(alias)}
       ORDER BY ${order(alias)} LIMIT ?`,
    )
    .all(...params, limit)
    .map((row) => (source.map ? source.map(row as Record<string, unknown>) : row) as T)
}

/** One record in the same shape the grid shows it, or NOT_FOUND. */
export function getGridRow<T>(db: Database, entity: GridEntity, id: number): T {
  const [row] = selectGridRows<T>(db, entity, (a) => `${a}.id = ?`, [id], (a) => `${a}.id`, 1)
  if (!row) throw new AppError('NOT_FOUND', { entity, id })
  return row
}

/** Follow-ups and tasks attached to one record, newest first / soonest due first. */
export function rowsAttachedTo<T>(db: Database, entity: 'activity' | 'task', entityType: string, entityId: number): T[] {
  const order = entity === 'activity' ? (a: string) => `${a}.occurred_at DESC` : (a: string) => `${a}.due_date NULLS LAST`
  return selectGridRows<T>(
    db,
    entity,
    (a) => `${a}.entity_type = ? AND ${a}.entity_id = ?`,
    [entityType, entityId],
    order,
    500,
  )
}

export function contactsOfAccount<T>(db: Database, accountId: number): T[] {
  return selectGridRows<T>(db, 'contact', (a) => `${a}.account_id = ?`, [accountId], (a) => `${a}.name`, 200)
}
