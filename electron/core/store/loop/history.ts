import type { Database } from 'better-sqlite3'
import type { AuditEntry } from '../../../../shared/entities'
import type { RecordType } from '../../../../shared/methods/loop'

/**
 * The records whose audit rows belong to a record's history, with the one
 * action kept of them (NULL: all): the record, its follow-ups and tasks, for
 * deals and accounts their contracts (whose trail carries the payments on
 * them), and for a deal the creation of the renewals and repurchases that
 * followed it.
 */
function relatedSql(entity: RecordType): string {
  const attached = `SELECT 'activity', id, NULL FROM activities WHERE entity_type = @type AND entity_id = @id
    UNION ALL SELECT 'task', id, NULL FROM tasks WHERE entity_type = @type AND entity_id = @id`
  const contractColumn = entity === 'opportunity' ? 'opportunity_id' : entity === 'account' ? 'account_id' : null
  if (contractColumn === null) return attached
  const contracts = `${attached}
    UNION ALL SELECT 'contract', id, NULL FROM contracts WHERE ${contractColumn} = @id`
  if (entity !== 'opportunity') return contracts
  return `${contracts}
    UNION ALL SELECT 'opportunity', id, 'create' FROM opportunities WHERE previous_opportunity_id = @id`
}

export function historyOf(db: Database, entity: RecordType, id: number, limit: number): AuditEntry[] {
  return db
    .prepare(
      `WITH subjects(entity_type, entity_id, only_action) AS (SELECT @type, @id, NULL UNION ALL ${relatedSql(entity)})
       SELECT l.id, l.at, l.user_id AS userId, u.name AS userName, l.entity_type AS entityType,
         l.entity_id AS entityId, l.action, l.field, l.old_value AS oldValue, l.new_value AS newValue, l.batch_id AS batchId
       FROM subjects s JOIN audit_log l ON l.entity_type = s.entity_type AND l.entity_id = s.entity_id
         AND (s.only_action IS NULL OR l.action = s.only_action)
       LEFT JOIN users u ON u.id = l.user_id
       ORDER BY l.id DESC LIMIT @limit`,
    )
    .all({ type: entity, id, limit }) as AuditEntry[]
}
