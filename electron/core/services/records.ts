import type { CallMeta, ParsedInput } from '../../../shared/api'
import type { Account, Activity, Contact, CustomField, Lead, Task } from '../../../shared/entities'
import type { TaskStatus } from '../../../shared/enums'
import type { Core } from '../core'
import { getLiveRow, insertRecord, restoreFromTrash, updateRecord, type Row } from '../store/records'
import { getGridRow } from '../store/rows'
import type { WriteContext } from '../store/writeContext'
import { inTransaction, writeContext } from './context'
import { checkReferences, toRow } from './recordColumns'
import { withCustomColumn } from './config/values'
import { requireRecord } from './references'

export type CreatableEntity = 'account' | 'contact' | 'lead' | 'task'

/** Defaults a create fills in: the creator owns what they create; a lead with no owner goes to the pool (公海). */
function withDefaults(core: Core, entity: CreatableEntity, fields: Record<string, unknown>, meta: CallMeta) {
  switch (entity) {
    case 'lead':
      return { ...fields, claimedAt: fields.ownerId ? core.clock().toISOString() : null }
    case 'task':
      return { ...fields, assigneeId: fields.assigneeId ?? meta.userId }
    default:
      return { ...fields, ownerId: fields.ownerId ?? meta.userId }
  }
}

/**
 * What a caller creating many records at once (an import) hands each create,
 * read or checked once for the whole batch instead of once per record. A
 * single create leaves it empty and everything is read as it goes.
 */
export interface CreateOptions {
  /** The entity's custom fields. */
  readonly customFields?: readonly CustomField[]
  /** Checks the ids the record points at (owner, account, contact …), as checkReferences does. */
  readonly checkReferences?: (fields: Record<string, unknown>) => void
  /** When the record was created, when that is not now: an import from history keeps the day. */
  readonly createdAt?: string
}

/** Inserts one record inside the caller's transaction. */
export function insertOne(
  core: Core,
  ctx: WriteContext,
  meta: CallMeta,
  entity: CreatableEntity,
  fields: Record<string, unknown>,
  options: CreateOptions = {},
): number {
  const complete = withDefaults(core, entity, fields, meta)
  if (options.checkReferences) options.checkReferences(complete)
  else checkReferences(core, complete)
  const values = toRow(entity, withCustomColumn(core, entity, complete, null, { fields: options.customFields }))
  return insertRecord(core.db, ctx, entity, values, options.createdAt)
}

function createAndRead<T>(core: Core, meta: CallMeta, entity: CreatableEntity, fields: Record<string, unknown>): T {
  const id = inTransaction(core, () => insertOne(core, writeContext(core, meta), meta, entity, fields))
  core.events.emit('data-changed', { entities: [entity], reason: 'create' })
  return getGridRow<T>(core.db, entity, id)
}

export const createAccount = (core: Core, input: ParsedInput<'accounts.create'>, meta: CallMeta) =>
  createAndRead<Account>(core, meta, 'account', input)
export const createContact = (core: Core, input: ParsedInput<'contacts.create'>, meta: CallMeta) =>
  createAndRead<Contact>(core, meta, 'contact', input)
export const createLead = (core: Core, input: ParsedInput<'leads.create'>, meta: CallMeta) =>
  createAndRead<Lead>(core, meta, 'lead', input)
export const createTask = (core: Core, input: ParsedInput<'tasks.create'>, meta: CallMeta) =>
  createAndRead<Task>(core, meta, 'task', input)

/** Marking a task done stamps when; reopening clears it. */
export function taskStatusFields(core: Core, status: TaskStatus): Record<string, unknown> {
  return { status, doneAt: status === 'done' ? core.clock().toISOString() : null }
}

export function setTaskStatus(core: Core, input: { id: number; version: number; status: TaskStatus }, meta: CallMeta): Task {
  inTransaction(core, () =>
    updateRecord(core.db, writeContext(core, meta), 'task', input.id, input.version, toRow('task', taskStatusFields(core, input.status))),
  )
  core.events.emit('data-changed', { entities: ['task'], reason: 'update' })
  return getGridRow<Task>(core.db, 'task', input.id)
}

/**
 * Logging a follow-up moves the record's last-activity date and, when a next
 * date is given, its next follow-up date, in the same transaction.
 */
export function logActivity(core: Core, input: ParsedInput<'activities.create'>, meta: CallMeta): Activity {
  requireRecord(core, input.entityType, 'entityId', input.entityId)
  const occurredAt = input.occurredAt ?? core.clock().toISOString()
  const id = inTransaction(core, () => {
    const ctx = writeContext(core, meta)
    const fields = withCustomColumn(core, 'activity', { ...input, occurredAt, ownerId: meta.userId }, null)
    const activityId = insertRecord(core.db, ctx, 'activity', toRow('activity', fields))
    if (input.entityType === 'lead' || input.entityType === 'opportunity') {
      const target = getLiveRow(core.db, input.entityType, input.entityId)
      const updates: Row = {}
      if (!target.last_activity_at || String(target.last_activity_at) < occurredAt) updates.last_activity_at = occurredAt
      if (input.nextDate) updates.next_follow_up_date = input.nextDate
      updateRecord(core.db, ctx, input.entityType, input.entityId, target.version as number, updates)
    }
    return activityId
  })
  core.events.emit('data-changed', { entities: ['activity', input.entityType], reason: 'create' })
  return getGridRow<Activity>(core.db, 'activity', id)
}

export function restoreTrashed(core: Core, input: ParsedInput<'trash.restore'>, meta: CallMeta): { ok: true } {
  inTransaction(core, () => restoreFromTrash(core.db, writeContext(core, meta), input.entityType, input.entityId))
  core.events.emit('data-changed', { entities: [input.entityType], reason: 'restore' })
  return { ok: true }
}
