import type { CallMeta } from '../../../../shared/api'
import { coerceCustomValue } from '../../../../shared/customValues'
import type { CustomField, CustomFieldType, CustomValue } from '../../../../shared/entities'
import type { ConversionFailure, TypeChangeResult } from '../../../../shared/methods/config'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { writeAudit } from '../../store/audit'
import { getField, recordsWithValue, reindexFieldSearch, updateField, writeFieldValues } from '../../store/customFields'
import { listUsers } from '../../store/reference'
import { inTransaction, writeContext } from '../context'
import { checkedPicklistKey, liveFieldById } from './fields'
import { coerceContextFor } from './values'

const MAX_LISTED = 1000

/**
 * A stored value as a cell of the old type would show it, so the new type's
 * coercion reads it the way a person would retype it: a user id becomes the
 * user's name, a list becomes "a, b", a checkbox 是/否.
 */
function asCell(core: Core, from: CustomFieldType, value: CustomValue): string | number | boolean | string[] {
  if (from === 'user' && typeof value === 'number') return listUsers(core.db).find((u) => u.id === value)?.name ?? value
  if (Array.isArray(value)) return value
  return value
}

interface Plan {
  converted: { id: number; old: CustomValue; value: CustomValue | null }[]
  failures: ConversionFailure[]
}

function planConversion(core: Core, field: CustomField, type: CustomFieldType, picklistKey: string | null): Plan {
  const context = coerceContextFor(core, { type, picklistKey })
  const plan: Plan = { converted: [], failures: [] }
  for (const { id, value } of recordsWithValue(core.db, field.entity, field.key)) {
    const cell = asCell(core, field.type, value)
    const raw = Array.isArray(cell) && type !== 'multiPicklist' ? cell.join(', ') : cell
    const coerced = coerceCustomValue(type, raw, context)
    if (coerced.ok) plan.converted.push({ id, old: value, value: coerced.value })
    else plan.failures.push({ recordId: id, value, reason: coerced.reason })
  }
  return plan
}

/**
 * Changes a field's type and converts every record's value (records in the
 * trash too) in one transaction, auditing each changed value. Unconvertible
 * values stop the change unless the caller explicitly clears them.
 */
export function changeFieldType(
  core: Core,
  input: { id: number; version: number; type: CustomFieldType; picklistKey?: string | null; dryRun: boolean; clearUnconvertible: boolean },
  meta: CallMeta,
): TypeChangeResult {
  const field = liveFieldById(core, input.id)
  if (field.version !== input.version) throw new AppError('CONFLICT', { entity: 'customField', id: field.id, current: field })
  const picklistKey = checkedPicklistKey(core, input.type, input.picklistKey ?? field.picklistKey)
  const plan = planConversion(core, field, input.type, picklistKey)
  const result = (applied: boolean, after: CustomField): TypeChangeResult => ({
    converted: plan.converted.length,
    failures: plan.failures.slice(0, MAX_LISTED),
    failureCount: plan.failures.length,
    applied,
    field: after,
  })
  if (input.dryRun) return result(false, field)
  if (plan.failures.length > 0 && !input.clearUnconvertible) {
    throw new AppError('CUSTOM_FIELD_UNCONVERTIBLE', { failures: plan.failures.slice(0, MAX_LISTED), failureCount: plan.failures.length })
  }
  inTransaction(core, () => {
    const ctx = writeContext(core, meta)
    const defaultValue = field.defaultValue === null ? null : coerceCustomValue(input.type, asCell(core, field.type, field.defaultValue), coerceContextFor(core, { type: input.type, picklistKey }))
    updateField(core.db, field.id, field.version, { type: input.type, picklistKey, defaultValue: defaultValue?.ok ? defaultValue.value : null }, ctx.now)
    const writes = [
      ...plan.converted.filter((c) => JSON.stringify(c.old) !== JSON.stringify(c.value)).map((c) => ({ id: c.id, old: c.old, value: c.value })),
      ...plan.failures.map((f) => ({ id: f.recordId, old: f.value as CustomValue, value: null })),
    ]
    writeFieldValues(core.db, field.entity, field.key, writes, ctx.now)
    reindexFieldSearch(core.db, field.entity, field.key)
    for (const write of writes) {
      writeAudit(core.db, ctx, field.entity, write.id, 'update', [{ field: `custom.${field.key}`, oldValue: write.old, newValue: write.value }])
    }
  })
  core.events.emit('data-changed', { entities: [field.entity], reason: 'custom-field' })
  return result(true, getField(core.db, field.id))
}
