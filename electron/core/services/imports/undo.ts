import type { CallMeta } from '../../../../shared/api'
import type { UndoReport } from '../../../../shared/methods/imports'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import {
  auditErasures,
  batchCreations,
  batchRowsToRevert,
  deleteBatchStageHistory,
  editedSinceBatch,
  eraseConfiguration,
  eraseCreations,
  eraseRecord,
  getBatch,
  markBatchUndone,
  restoreColumns,
  trashRecord,
  undoOrder,
  withBulkCache,
  type BatchRow,
  type ImportableEntity,
} from '../../store/imports'
import { withStatementCache } from '../../store/statementCache'
import type { WriteContext } from '../../store/writeContext'
import { inTransaction, writeContext } from '../context'

/**
 * Erases what the batch created, kind by kind, in a few statements each;
 * created records with follow-ups or tasks go to the trash, and a kind
 * where some record is still pointed at goes one record at a time, each
 * erased or, when something points at it, trashed.
 */
function eraseCreated(core: Core, batchId: string, ctx: WriteContext, report: UndoReport): void {
  const erasedAtOnce: ImportableEntity[] = []
  for (const kind of undoOrder) {
    for (const id of batchCreations(core.db, batchId, kind, true)) {
      trashRecord(core.db, ctx, kind, id)
      report.trashed++
    }
    if (eraseCreations(core.db, batchId, kind)) {
      erasedAtOnce.push(kind)
      continue
    }
    for (const id of batchCreations(core.db, batchId, kind, false)) {
      if (eraseRecord(core.db, ctx, kind, id)) report.deleted++
      else {
        trashRecord(core.db, ctx, kind, id)
        report.trashed++
      }
    }
  }
  report.deleted += auditErasures(core.db, ctx, batchId, erasedAtOnce)
}

const records: ReadonlySet<string> = new Set(undoOrder)
const isRecord = (row: BatchRow): row is BatchRow & { kind: ImportableEntity } => records.has(row.kind)

/** Puts back what the batch updated (last written first), erases what it created, then the owners, stages and picklist values it added. */
function revert(core: Core, batchId: string, ctx: WriteContext, report: UndoReport): void {
  const rows = batchRowsToRevert(core.db, batchId)
  for (const row of rows) {
    if (isRecord(row) && restoreColumns(core.db, ctx, row.kind, row.entityId, JSON.parse(row.before ?? '{}')) > 0) report.restored++
  }
  eraseCreated(core, batchId, ctx, report)
  for (const row of rows) if (!isRecord(row)) eraseConfiguration(core.db, row.kind as 'user' | 'stage' | 'picklist', row.entityId)
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
    const edited = editedSinceBatch(bulk.db, batchId)
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
      revert(bulk, batchId, ctx, done)
      markBatchUndone(bulk.db, batchId, ctx, done)
    })
    return done
  })
  core.events.emit('data-changed', { entities: ['opportunity', 'lead', 'account', 'contact', 'user'], reason: 'import-undo' })
  return report
}
