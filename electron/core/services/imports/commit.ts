import type { CallMeta, ParsedInput } from '../../../../shared/api'
import type { ImportEntity } from '../../../../shared/methods/imports'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { rebuildPays, withReadIndexesRebuilt } from '../../store/bulkIndexes'
import { searchDeferralPays, withSearchIndexDeferred } from '../../store/bulkSearch'
import { writeLaterHistory } from '../../store/opportunities'
import { BatchRowWriter, insertBatch, liveRecord, setBatchCounts, type BatchValues } from '../../store/imports'
import { updateRecord, type Row } from '../../store/records'
import { withStatementCache } from '../../store/statementCache'
import type { WriteContext } from '../../store/writeContext'
import { inTransaction, writeContext } from '../context'
import { assignLead } from '../loop/assignment'
import { applyOpportunityUpdate, insertOneOpportunity } from '../opportunities'
import { checkReferences, toRow } from '../recordColumns'
import { insertOne } from '../records'
import { BatchFacts } from './batchFacts'
import { settle, type Writer } from './fresh'
import type { Plan, PlannedWrite, Planner } from './plan'
import type { RowDraft } from './prepare'

/** Columns every write moves on its own; an undo restores the rest. */
const bookkeeping = new Set(['version', 'updated_at'])

/** The columns an update changed, as they were before it. */
function beforeImage(before: Row, after: Row): Row {
  const image: Row = {}
  for (const [column, value] of Object.entries(before)) if (!bookkeeping.has(column) && (after[column] ?? null) !== (value ?? null)) image[column] = value
  return image
}

function createRecord(writer: Writer, entity: ImportEntity, write: Extract<PlannedWrite, { kind: 'create' }>): number {
  const { core, ctx, meta, facts } = writer
  const fields = settle(write.fields, writer)
  let id: number
  switch (entity) {
    case 'opportunity': {
      const input = fields as ParsedInput<'opportunities.create'>
      id = insertOneOpportunity(core, ctx, meta, input, facts.opportunityOptions(input.stageId, write.history))
      break
    }
    case 'lead':
      id = insertOne(core, ctx, meta, 'lead', { ...fields, ownerId: assignLead(core, ctx, fields) }, facts.options('lead', write.history.createdAt))
      break
    default:
      id = insertOne(core, ctx, meta, entity, fields, facts.options(entity, write.history.createdAt))
  }
  // A new record is at version 1; the history dates are part of its creation, not an edit.
  writer.note(entity, id, 'create', null, 1)
  if (write.contact) {
    const contactId = insertOne(core, ctx, meta, 'contact', { ...settle(write.contact, writer), accountId: id }, facts.options('contact'))
    writer.note('contact', contactId, 'create', null, 1)
  }
  return id
}

function updateExisting(writer: Writer, entity: ImportEntity, write: Extract<PlannedWrite, { kind: 'update' }>): void {
  const { core, ctx } = writer
  const patch = settle(write.fields, writer)
  const before = liveRecord(core.db, entity, write.id)!
  if (entity === 'opportunity') {
    applyOpportunityUpdate(core, ctx, { id: write.id, version: write.version, patch: patch as ParsedInput<'opportunities.update'>['patch'] })
  } else {
    checkReferences(core, patch)
    updateRecord(core.db, ctx, entity, write.id, write.version, toRow(entity, patch))
  }
  const after = liveRecord(core.db, entity, write.id)!
  writer.note(entity, write.id, 'update', beforeImage(before, after), after.version as number)
}

/** Rows that will create a record unless they turn out to be duplicates: valid, and naming no record id. */
const likelyCreates = (drafts: readonly RowDraft[]): number =>
  drafts.reduce((n, draft) => (draft.issues.length === 0 && draft.values.recordId == null ? n + 1 : n), 0)

/** Writes the batch with the per-row index upkeep that a batch of its size is cheaper without (store/bulkIndexes, store/bulkSearch). */
function planInBulk(db: Core['db'], entity: ImportEntity, drafts: readonly RowDraft[], plan: () => Plan): Plan {
  const withIndexes = entity === 'opportunity' && rebuildPays(db, likelyCreates(drafts)) ? () => withReadIndexesRebuilt(db, plan) : plan
  return searchDeferralPays(drafts.length) ? withSearchIndexDeferred(db, withIndexes) : withIndexes()
}

export interface CommitOptions {
  readonly batch: BatchValues
  readonly entity: ImportEntity
  readonly meta: CallMeta
  readonly onProgress: (done: number, total: number) => void
  /** Every row is written; what remains (indexes, search entries, history, batch rows) takes a while at 100k rows. */
  readonly onFinishing: () => void
}

/**
 * Decides and writes every row in one transaction with its batch record:
 * every accepted row, or (on any failure) nothing at all. Each record is
 * remembered with the version the batch left it at and, for updates, what
 * it replaced. Consumes the drafts.
 */
export function commitRows(core: Core, planner: Planner, drafts: RowDraft[], options: CommitOptions): Plan {
  const { batch, entity, meta, onProgress, onFinishing } = options
  // The store's audited writes, with each statement compiled once for the whole batch.
  const bulk: Core = { ...core, db: withStatementCache(core.db) }
  // Stage history waits for the end of the batch (writeLaterHistory).
  const ctx: WriteContext = { ...writeContext(bulk, meta, batch.id), laterHistory: [] }
  let seq = 0
  const rows = new BatchRowWriter(bulk.db, batch.id)
  const writer: Writer = {
    core: bulk,
    ctx,
    meta,
    facts: new BatchFacts(bulk),
    note: (kind, entityId, action, before = null, versionAfter = null) =>
      rows.add({ seq: seq++, kind, entityId, action, before: before && JSON.stringify(before), versionAfter }),
  }
  const total = drafts.length
  let done = 0
  const write = (planned: PlannedWrite) => {
    if (++done % 2000 === 0) onProgress(done, total)
    try {
      if (planned.kind === 'create') createRecord(writer, entity, planned)
      else updateExisting(writer, entity, planned)
    } catch (err) {
      // The whole batch rolls back; the person learns which row stopped it.
      if (err instanceof AppError) throw new AppError(err.code, { ...(err.details as object), row: planned.row })
      throw err
    }
  }
  return inTransaction(bulk, () => {
    insertBatch(bulk.db, { ...batch, createdAt: ctx.now })
    for (const stage of planner.stagesToCreate(drafts)) stage.idIn(writer)
    const decided = planInBulk(bulk.db, entity, drafts, () => {
      const planned = planner.plan(drafts, write)
      onProgress(total, total)
      onFinishing()
      return planned
    })
    writeLaterHistory(bulk.db, ctx)
    rows.flush()
    setBatchCounts(bulk.db, batch.id, decided.counts)
    return decided
  })
}
