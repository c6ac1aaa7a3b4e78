import type { CoerceContext } from '../../../../shared/coerce'
import { coerceCustomValue, type CustomRaw } from '../../../../shared/customValues'
import { CustomFieldEntity, type CustomField, type CustomValues, type CustomValuesInput } from '../../../../shared/entities'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { listFields } from '../../store/customFields'
import { listPicklists, listUsers } from '../../store/reference'

export const isCustomEntity = (entity: string): entity is CustomFieldEntity => CustomFieldEntity.safeParse(entity).success

/** What coercing a field's values needs: its picklist's items, the team. */
export function coerceContextFor(core: Core, field: Pick<CustomField, 'type' | 'picklistKey'>): CoerceContext {
  if (field.type === 'picklist' || field.type === 'multiPicklist') {
    return { options: listPicklists(core.db).filter((item) => item.listKey === field.picklistKey) }
  }
  return field.type === 'user' ? { users: listUsers(core.db) } : {}
}

/** One value as its field stores it, or CUSTOM_VALUE_INVALID naming the field. */
export function coerceFieldValue(core: Core, field: CustomField, raw: CustomRaw) {
  const coerced = coerceCustomValue(field.type, raw, coerceContextFor(core, field))
  if (!coerced.ok) throw new AppError('CUSTOM_VALUE_INVALID', { field: field.key, value: raw, reason: coerced.reason })
  return coerced.value
}

export interface CustomRules {
  /** The stage the record is in (or enters): its required fields count too. */
  stageId?: number
  /** Check every required field, not only those the edit touches (creates and stage moves). */
  checkAll?: boolean
  /** The entity's fields, when the caller read them once for a whole batch (an import). */
  fields?: readonly CustomField[]
}

/**
 * The record's `custom` column after an edit: the sent values checked and
 * coerced by their fields' types and merged into the current ones (null
 * clears), defaults filled in on create, and required fields enforced.
 * `current` is null on create. Returns undefined when there is nothing to write.
 */
export function customColumn(
  core: Core,
  entity: CustomFieldEntity,
  input: CustomValuesInput | undefined,
  current: (() => CustomValues) | null,
  rules: CustomRules = {},
): string | undefined {
  const creating = current === null
  if (!input && !creating && !rules.checkAll) return undefined
  const fields = rules.fields ?? listFields(core.db, entity)
  if (fields.length === 0 && !input) return creating ? '{}' : undefined
  const byKey = new Map(fields.map((f) => [f.key, f]))
  const merged: CustomValues = creating ? {} : { ...current() }
  for (const [key, raw] of Object.entries(input ?? {})) {
    const field = byKey.get(key)
    if (!field) throw new AppError('CUSTOM_FIELD_UNKNOWN', { field: key })
    const value = coerceFieldValue(core, field, raw)
    if (value === null) delete merged[key]
    else merged[key] = value
  }
  if (creating) fillDefaults(fields, merged, input)
  assertRequired(creating || rules.checkAll ? fields : fields.filter((f) => input && f.key in input), merged, rules)
  return input || creating ? JSON.stringify(merged) : undefined
}

function assertRequired(checked: readonly CustomField[], values: CustomValues, rules: CustomRules): void {
  const missing = checked
    .filter((f) => f.required || (rules.stageId !== undefined && f.requiredStageIds.includes(rules.stageId)))
    .filter((f) => values[f.key] === undefined)
    .map((f) => f.key)
  if (missing.length > 0) throw new AppError('CUSTOM_FIELD_REQUIRED', { missing })
}

/** Fields with a default get it on create unless the caller sent a value (null included). */
function fillDefaults(fields: readonly CustomField[], values: CustomValues, sent: CustomValuesInput | undefined): void {
  for (const field of fields) {
    if (field.defaultValue !== null && !(field.key in values) && !(sent && field.key in sent)) values[field.key] = field.defaultValue
  }
}

/** A new record's values as the import planner wrote them (already coerced), with defaults and required fields applied. */
function completedOnCreate(core: Core, entity: CustomFieldEntity, json: string, rules: CustomRules): string {
  const fields = rules.fields ?? listFields(core.db, entity)
  const values = JSON.parse(json) as CustomValues
  fillDefaults(fields, values, undefined)
  assertRequired(fields, values, rules)
  return JSON.stringify(values)
}

/**
 * Record fields with `custom` replaced by the column's JSON (or dropped when
 * unchanged). Entities without custom fields, and fields whose `custom` is
 * already the column's JSON, pass through untouched.
 */
export function withCustomColumn<F extends Record<string, unknown>>(
  core: Core,
  entity: string,
  fields: F,
  current: (() => CustomValues) | null,
  rules: CustomRules = {},
): F {
  if (!isCustomEntity(entity)) return fields
  // The import planner hands over the column's JSON itself, already merged and coerced by type.
  if (typeof fields.custom === 'string') {
    return current === null ? { ...fields, custom: completedOnCreate(core, entity, fields.custom, rules) } : fields
  }
  const { custom, ...rest } = fields
  const json = customColumn(core, entity, custom as CustomValuesInput | undefined, current, rules)
  return (json === undefined ? rest : { ...rest, custom: json }) as unknown as F
}

/** The custom values of a raw table row (its JSON text). */
export const customOfRow = (row: Record<string, unknown>): CustomValues => JSON.parse((row.custom as string | null) ?? '{}')
