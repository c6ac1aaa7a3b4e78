import type { CallMeta, ParsedInput } from '../../../../shared/api'
import type { MergeEntity, MergePreview, MergeRecord } from '../../../../shared/methods/loop'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { writeAudit } from '../../store/audit'
import { refreshLifecycles } from '../../store/loop/lifecycle'
import {
  completeMerge,
  countRelated,
  getMerge,
  insertMerge,
  listMerges,
  markMergeUndone,
  moveRelated,
  moveRelatedBack,
  recordState,
} from '../../store/loop/merge'
import { getLiveRow, restoreFromTrash, softDelete, toColumn, updateRecord, type Row } from '../../store/records'
import type { WriteContext } from '../../store/writeContext'
import { inTransaction, writeContext } from '../context'
import { toRow } from '../recordColumns'

/** The fields a person chooses between, per entity. */
const mergeFields: Record<MergeEntity, readonly string[]> = {
  lead: ['company', 'contactName', 'phone', 'email', 'source', 'region', 'industry', 'productInterest', 'ownerId', 'nextFollowUpDate', 'notes'],
  contact: ['name', 'accountId', 'title', 'phone', 'email', 'wechat', 'birthday', 'ownerId', 'notes'],
  account: ['name', 'industry', 'region', 'source', 'ownerId', 'phone', 'email', 'website', 'address', 'satisfaction', 'notes'],
}

const valueOf = (row: Row, field: string) => (row[toColumn(field)] ?? null) as string | number | null

function requireDistinct(survivorId: number, mergedId: number): void {
  if (survivorId === mergedId) {
    throw new AppError('VALIDATION', { issues: [{ path: ['mergedId'], code: 'same_record', message: 'A record cannot merge with itself' }] })
  }
}

export function previewMerge(core: Core, input: ParsedInput<'merge.preview'>): MergePreview {
  requireDistinct(input.survivorId, input.mergedId)
  const survivor = getLiveRow(core.db, input.entityType, input.survivorId)
  const merged = getLiveRow(core.db, input.entityType, input.mergedId)
  return {
    ...input,
    survivorVersion: survivor.version as number,
    mergedVersion: merged.version as number,
    fields: mergeFields[input.entityType].map((field) => {
      const survivorValue = valueOf(survivor, field)
      const mergedValue = valueOf(merged, field)
      return { field, survivorValue, mergedValue, differs: survivorValue !== mergedValue }
    }),
    related: countRelated(core.db, input.entityType, input.mergedId),
  }
}

const mergeBatch = (mergeId: number) => `merge:${mergeId}`

function toRecord(core: Core, mergeId: number): MergeRecord {
  const { survivorVersion: _version, undo: _undo, ...record } = getMerge(core.db, mergeId)!
  return record
}

function emitMerge(core: Core, entity: MergeEntity, reason: string): void {
  const related: ('activity' | 'task' | 'opportunity' | 'contact' | 'lead')[] = ['activity', 'task', 'opportunity', 'contact', 'lead']
  core.events.emit('data-changed', { entities: [entity, ...related.filter((e) => e !== entity)], reason })
}

/**
 * Merges `mergedId` into `survivorId` in one transaction: the chosen values
 * move onto the survivor, every related record and tag follows, the merged
 * record goes to the trash, and what changed is kept for undo.
 */
export function applyMerge(core: Core, input: ParsedInput<'merge.apply'>, meta: CallMeta): MergeRecord {
  const { entityType: entity, survivorId, mergedId } = input
  requireDistinct(survivorId, mergedId)
  const unknown = input.take.filter((field) => !mergeFields[entity].includes(field))
  if (unknown.length > 0) {
    throw new AppError('VALIDATION', { issues: unknown.map((field) => ({ path: ['take'], code: 'unknown_field', message: field })) })
  }
  const mergeId = inTransaction(core, () => {
    const merged = getLiveRow(core.db, entity, mergedId)
    if (merged.version !== input.mergedVersion) throw new AppError('CONFLICT', { entity, id: mergedId, current: merged })
    const plain = writeContext(core, meta)
    const id = insertMerge(core.db, plain, entity, survivorId, mergedId)
    const ctx: WriteContext = { ...plain, batchId: mergeBatch(id) }
    const taken = Object.fromEntries(input.take.map((field) => [field, valueOf(merged, field)]))
    const changes = updateRecord(core.db, ctx, entity, survivorId, input.survivorVersion, toRow(entity, taken))
    const moved = moveRelated(core.db, ctx, entity, mergedId, survivorId)
    softDelete(core.db, ctx, entity, mergedId, input.mergedVersion)
    writeAudit(core.db, ctx, entity, survivorId, 'merge', [{ field: 'merged_from', oldValue: null, newValue: mergedId }])
    writeAudit(core.db, ctx, entity, mergedId, 'merge', [{ field: 'merged_into', oldValue: null, newValue: survivorId }])
    const survivorBefore = Object.fromEntries(changes.map((change) => [change.field, change.oldValue]))
    completeMerge(core.db, id, getLiveRow(core.db, entity, survivorId).version as number, { survivorBefore, ...moved })
    if (entity === 'account') refreshLifecycles(core.db, [survivorId])
    return id
  })
  emitMerge(core, entity, 'merge')
  return toRecord(core, mergeId)
}

function blocked(reason: string): AppError {
  return new AppError('MERGE_UNDO_BLOCKED', { reason })
}

/**
 * Undoes a merge while nothing has touched the survivor since: its values
 * come back, the related records it received go home, and the merged record
 * returns from the trash (if it was not restored already).
 */
export function undoMerge(core: Core, input: ParsedInput<'merge.undo'>, meta: CallMeta): MergeRecord {
  const merge = getMerge(core.db, input.mergeId)
  if (!merge) throw new AppError('NOT_FOUND', { entity: 'merge', id: input.mergeId })
  const { entityType: entity, survivorId, mergedId } = merge
  inTransaction(core, () => {
    if (merge.undoneAt !== null) throw blocked('already undone')
    if (recordState(core.db, entity, survivorId) !== 'live') throw blocked('survivor deleted')
    const mergedState = recordState(core.db, entity, mergedId)
    if (mergedState === 'gone') throw blocked('merged record purged')
    const survivor = getLiveRow(core.db, entity, survivorId)
    if (survivor.version !== merge.survivorVersion) throw blocked('survivor changed')
    const ctx: WriteContext = { ...writeContext(core, meta), batchId: `${mergeBatch(merge.id)}:undo` }
    updateRecord(core.db, ctx, entity, survivorId, merge.survivorVersion, merge.undo.survivorBefore)
    moveRelatedBack(core.db, ctx, entity, merge.undo, mergedId, survivorId)
    if (mergedState === 'trashed') restoreFromTrash(core.db, ctx, entity, mergedId)
    for (const id of [survivorId, mergedId]) {
      writeAudit(core.db, ctx, entity, id, 'undo', [{ field: 'merge', oldValue: merge.id, newValue: null }])
    }
    markMergeUndone(core.db, merge.id, ctx.now)
    if (entity === 'account') refreshLifecycles(core.db, [survivorId, mergedId])
  })
  emitMerge(core, entity, 'undo')
  return toRecord(core, merge.id)
}

export const mergesOf = (core: Core, input: ParsedInput<'merge.list'>): MergeRecord[] =>
  listMerges(core.db, input.entityType, input.entityId)
