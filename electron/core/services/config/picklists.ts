import { randomUUID } from 'node:crypto'
import type { CallMeta } from '../../../../shared/api'
import type { PicklistItem } from '../../../../shared/entities'
import type { PicklistList, PicklistMergeResult, PicklistValueInput } from '../../../../shared/methods/config'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { writeAudit } from '../../store/audit'
import {
  deletePicklistValue,
  getPicklistList,
  insertPicklistValue,
  listPicklistLists,
  nextPicklistOrder,
  picklistValue,
  picklistListExists,
  reorderPicklist,
  updatePicklistValue,
  upsertPicklistList,
} from '../../store/config'
import { listFields } from '../../store/customFields'
import { countValueUses, moveValue } from '../../store/picklistValues'
import { listPicklists } from '../../store/reference'
import { inTransaction, writeContext } from '../context'
import { renameValueInRules } from './picklistRules'
import { renameValueInViews } from './picklistViews'

export const listLists = (core: Core): PicklistList[] => listPicklistLists(core.db)

export function createList(core: Core, input: { key: string; labelZh: string; labelEn: string }): PicklistList {
  if (picklistListExists(core.db, input.key)) throw new AppError('CUSTOM_FIELD_KEY_TAKEN', { listKey: input.key })
  inTransaction(core, () => upsertPicklistList(core.db, input.key, input.labelZh, input.labelEn))
  return getPicklistList(core.db, input.key)
}

/**
 * Creates or updates one value. Records store the value (its key), not its
 * labels, so renaming a value's labels changes no record.
 */
export function saveValue(core: Core, input: PicklistValueInput): PicklistItem {
  const list = getPicklistList(core.db, input.listKey)
  const current = picklistValue(core.db, input.listKey, input.value)
  if (!current && list.fixedValues) throw new AppError('PICKLIST_UNKNOWN', { listKey: input.listKey, value: input.value, reason: 'fixed values' })
  const item = {
    listKey: input.listKey,
    value: input.value,
    labelZh: input.labelZh,
    labelEn: input.labelEn,
    sortOrder: input.sortOrder ?? current?.sortOrder ?? nextPicklistOrder(core.db, input.listKey),
    color: input.color === undefined ? (current?.color ?? null) : input.color,
    active: input.active ?? current?.active ?? true,
  }
  inTransaction(core, () => (current ? updatePicklistValue(core.db, item) : insertPicklistValue(core.db, item)))
  core.events.emit('data-changed', { entities: [], reason: 'picklists' })
  return picklistValue(core.db, input.listKey, input.value)!
}

export function reorderValues(core: Core, input: { listKey: string; values: string[] }): PicklistItem[] {
  const existing = listPicklists(core.db).filter((item) => item.listKey === input.listKey)
  const same = existing.length === input.values.length && existing.every((item) => input.values.includes(item.value))
  if (!same) {
    throw new AppError('VALIDATION', { issues: [{ path: ['values'], code: 'custom', message: 'Send every value of the list once' }] })
  }
  inTransaction(core, () => reorderPicklist(core.db, input.listKey, input.values))
  core.events.emit('data-changed', { entities: [], reason: 'picklists' })
  return listPicklists(core.db).filter((item) => item.listKey === input.listKey)
}

/** Custom fields reading from a list: their records hold its values too. */
const fieldsOfList = (core: Core, listKey: string) => listFields(core.db, undefined, true).filter((f) => f.picklistKey === listKey)

/**
 * Moves every record holding `fromValue` (built-in columns and custom fields)
 * to `intoValue` in one transaction, one audit row per record under one batch,
 * renames it in the assignment and scoring rules and in saved views' filters,
 * then removes `fromValue` from the list.
 */
export function mergeValues(core: Core, input: { listKey: string; fromValue: string; intoValue: string }, meta: CallMeta): PicklistMergeResult {
  const list = getPicklistList(core.db, input.listKey)
  if (!picklistValue(core.db, input.listKey, input.fromValue) || !picklistValue(core.db, input.listKey, input.intoValue)) {
    throw new AppError('PICKLIST_UNKNOWN', input)
  }
  if (input.fromValue === input.intoValue || list.fixedValues) {
    throw new AppError('VALIDATION', { issues: [{ path: ['intoValue'], code: 'custom', message: 'Merge two different values of an editable list' }] })
  }
  const batchId = `merge-${randomUUID()}`
  const moved = inTransaction(core, () => {
    const ctx = writeContext(core, meta, batchId)
    // Rules first: the moved leads are re-scored by the trigger as they move.
    renameValueInRules(core.db, input.listKey, input.fromValue, input.intoValue, ctx.now)
    const fields = fieldsOfList(core, input.listKey)
    const moves = moveValue(core.db, input.listKey, fields, input.fromValue, input.intoValue, ctx.now)
    renameValueInViews(core.db, input.listKey, fields, input.fromValue, input.intoValue, ctx.now)
    for (const move of moves) {
      writeAudit(core.db, ctx, move.entity, move.id, 'merge', [{ field: move.field, oldValue: input.fromValue, newValue: input.intoValue }])
    }
    deletePicklistValue(core.db, input.listKey, input.fromValue)
    return moves.length
  })
  core.events.emit('data-changed', { entities: ['account', 'lead', 'opportunity', 'contact', 'activity'], reason: 'picklist-merge' })
  return { moved, batchId }
}

export function deleteValue(core: Core, input: { listKey: string; value: string }): { ok: true } {
  const list = getPicklistList(core.db, input.listKey)
  if (!picklistValue(core.db, input.listKey, input.value) || list.fixedValues) throw new AppError('PICKLIST_UNKNOWN', input)
  const uses = countValueUses(core.db, input.listKey, fieldsOfList(core, input.listKey), input.value)
  if (uses > 0) throw new AppError('PICKLIST_VALUE_IN_USE', { ...input, records: uses })
  inTransaction(core, () => deletePicklistValue(core.db, input.listKey, input.value))
  core.events.emit('data-changed', { entities: [], reason: 'picklists' })
  return { ok: true }
}
