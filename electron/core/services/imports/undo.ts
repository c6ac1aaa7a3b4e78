import type { CallMeta } from '../../../../shared/api'
import type { UndoReport } from '../../../../shared/methods/imports'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import {
  attachedWork,
  batchRows,
  deleteBatchStageHistory,
  eraseConfiguration,
  eraseRecord,
  getBatch,
  markBatchUndone,
  restoreColumns,
  trashRecord,
  versionOf,
  withBulkCache,
  type BatchRow,
  type ImportableEntity,
} from '../../store/imports'
import { withStatementCache } from '../../store/statementCache'
import type { WriteContext } from '../../store/writeContext'
import { inTransaction, writeContext } from '../context'

const records = new Set(['opportunity', 'lead', 'account', 'contact'])
const isRecord = (row: BatchRow): row is BatchRow & { kind: ImportableEntity } => records.has(row.kind)

/** A record the batch wrote that has moved on since: edited, deleted, or given follow-ups or tasks. */
function editedSince(core: Core, row: BatchRow & { kind: ImportableEntity }): boolean {
  const now = versionOf(core.db, row.kind, row.entityId)
  if (!now || now.deleted || now.version !== row.versionAfter) return true
  return row.action === 'create' && attachedWork(core.db, row.kind, row.entityId) > 0
}

/** Walks the batch's records backwards: erase what it created, restore what it updated. */
function revert(core: Core, rows: readonly BatchRow[], ctx: WriteContext, report: UndoReport): void {
  for (const row of rows) {
    if (!isRecord(row)) {
      eraseConfiguration(core.db, row.kind as 'user' | 'stage' | 'picklist', row.entityId)
    } else if (row.action === 'update') {
      if (restoreColumns(core.db, ctx, row.kind, row.entityId, JSON.parse(row.before ?? '{}')) > 0) report.restored++
    } else if (attachedWork(core.db, row.kind, row.entityId) === 0 && eraseRecord(core.db, ctx, row.kind, row.entityId)) {
      report.deleted++
    } else {
      trashRecord(core.db, ctx, row.kind, row.entityId)
      report.trashed++
    }
  }
}

/**
 * Reverts an import batch in one transaction. Records it created are
 * erased, not trashed, so every grid is as it was before the import (an
 * 'undo' audit row remains for each); records it updated get back the values
 * it replaced; owners, stages and picklist values it created go too unless
 * something now uses them. Refuses when any of its records changed since,
 * unless forced; a forced undo moves created records that others came to
 * depend on to the trash instead of erasing them.
 */
export function undoBatch(core: Core, batchId: string, force: boolean, meta: CallMeta): UndoReport {
  const batch = getBatch(core.db, batchId)
  if (!batch) throw new AppError('NOT_FOUND', { batchId })
  if (batch.undoneAt) throw new AppError('IMPORT_ALREADY_UNDONE', { batchId, undoneAt: batch.undoneAt })
  const bulk: Core = { ...core, db: withStatementCache(core.db) }
  const report = withBulkCache(bulk.db, () => {
    const rows = batchRows(bulk.db, batchId)
    const edited = rows.filter(isRecord).filter((row) => editedSince(bulk, row))
    if (edited.length > 0 && !force) {
      throw new AppError('IMPORT_EDITED_SINCE', {
        batchId,
        edited: edited.length,
        examples: edited.slice(0, 20).map((row) => ({ entity: row.kind, id: row.entityId })),
      })
    }
    const done: UndoReport = { batchId, deleted: 0, restored: 0, trashed: 0 }
    const ctx = writeContext(bulk, meta, batchId)
    inTransaction(bulk, () => {
      deleteBatchStageHistory(bulk.db, batchId)
      revert(bulk, rows, ctx, done)
      markBatchUndone(bulk.db, batchId, ctx, done)
    })
    return done
  })
  core.events.emit('data-changed', { entities: ['opportunity', 'lead', 'account', 'contact', 'user'], reason: 'import-undo' })
  return report
}
