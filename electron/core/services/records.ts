import type { CallMeta, ParsedInput } from '../../../shared/api'
import type { Account, Activity, Contact, Lead, Task } from '../../../shared/entities'
import type { GridEntity, TaskStatus } from '../../../shared/enums'
import type { Core } from '../core'
import { normalizeCompanyName, normalizeEmail, normalizePhone } from '../domain/normalize'
import { getLiveRow, insertRecord, restoreFromTrash, toColumn, updateRecord, type Row } from '../store/records'
import { getGridRow } from '../store/rows'
import { inTransaction, writeContext } from './context'
import { requireRecord, requireUser } from './references'

function columnsOf(fields: Record<string, unknown>): Row {
  const row: Row = {}
  for (const [field, value] of Object.entries(fields)) if (value !== undefined) row[toColumn(field)] = value
  return row
}

function createAndRead<T>(core: Core, meta: CallMeta, entity: GridEntity & ('account' | 'contact' | 'lead' | 'task'), values: Row): T {
  const id = inTransaction(core, () => insertRecord(core.db, writeContext(core, meta), entity, values))
  core.events.emit('data-changed', { entities: [entity], reason: 'create' })
  return getGridRow<T>(core.db, entity, id)
}

export function createAccount(core: Core, input: ParsedInput<'accounts.create'>, meta: CallMeta): Account {
  requireUser(core, 'ownerId', input.ownerId)
  const values = columnsOf({ ...input, ownerId: input.ownerId ?? meta.userId, nameNorm: normalizeCompanyName(input.name) })
  return createAndRead<Account>(core, meta, 'account', values)
}

export function createContact(core: Core, input: ParsedInput<'contacts.create'>, meta: CallMeta): Contact {
  requireRecord(core, 'account', 'accountId', input.accountId)
  requireUser(core, 'ownerId', input.ownerId)
  const values = columnsOf({
    ...input,
    ownerId: input.ownerId ?? meta.userId,
    phoneNorm: normalizePhone(input.phone),
    emailNorm: normalizeEmail(input.email),
  })
  return createAndRead<Contact>(core, meta, 'contact', values)
}

/** A lead with no owner goes to the pool (公海). */
export function createLead(core: Core, input: ParsedInput<'leads.create'>, meta: CallMeta): Lead {
  requireUser(core, 'ownerId', input.ownerId)
  const values = columnsOf({
    ...input,
    companyNorm: normalizeCompanyName(input.company),
    phoneNorm: normalizePhone(input.phone),
    emailNorm: normalizeEmail(input.email),
    claimedAt: input.ownerId ? core.clock().toISOString() : null,
  })
  return createAndRead<Lead>(core, meta, 'lead', values)
}

export function createTask(core: Core, input: ParsedInput<'tasks.create'>, meta: CallMeta): Task {
  requireUser(core, 'assigneeId', input.assigneeId)
  if (input.entityType) requireRecord(core, input.entityType, 'entityId', input.entityId)
  return createAndRead<Task>(core, meta, 'task', columnsOf({ ...input, assigneeId: input.assigneeId ?? meta.userId }))
}

export function setTaskStatus(
  core: Core,
  input: { id: number; version: number; status: TaskStatus },
  meta: CallMeta,
): Task {
  const doneAt = input.status === 'done' ? core.clock().toISOString() : null
  inTransaction(core, () =>
    updateRecord(core.db, writeContext(core, meta), 'task', input.id, input.version, { status: input.status, done_at: doneAt }),
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
    const activityId = insertRecord(core.db, ctx, 'activity', columnsOf({ ...input, occurredAt, ownerId: meta.userId }))
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

export function restoreTrashed(
  core: Core,
  input: ParsedInput<'trash.restore'>,
  meta: CallMeta,
): { ok: true } {
  inTransaction(core, () => restoreFromTrash(core.db, writeContext(core, meta), input.entityType, input.entityId))
  core.events.emit('data-changed', { entities: [input.entityType], reason: 'restore' })
  return { ok: true }
}
