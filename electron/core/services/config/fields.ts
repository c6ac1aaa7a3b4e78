import type { CallMeta, ParsedInput } from '../../../../shared/api'
import type { CustomField, CustomFieldEntity } from '../../../../shared/entities'
import type { CustomFieldCreate, CustomFieldPatch } from '../../../../shared/methods/config'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { picklistListExists } from '../../store/config'
import {
  deleteFieldRow,
  dematerializeField,
  fieldKeyTaken,
  getField,
  insertField,
  listFields,
  materializeField,
  nextFieldPosition,
  removeFieldValues,
  setFieldDeletedAt,
  updateField,
} from '../../store/customFields'
import { getStage } from '../../store/reference'
import { inTransaction, writeContext } from '../context'
import { coerceFieldValue } from './values'

/** Keys a custom field may not take because the record already keeps something under them. */
const reservedKeys: Partial<Record<CustomFieldEntity, readonly string[]>> = { opportunity: ['notes'] }

const usesPicklist = (type: CustomField['type']) => type === 'picklist' || type === 'multiPicklist'

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', { issues: [{ path: [path], code: 'custom', message }] })
}

/** The picklist a field of `type` reads from: required for picklists, none for other types. */
export function checkedPicklistKey(core: Core, type: CustomField['type'], picklistKey: string | null | undefined): string | null {
  if (!usesPicklist(type)) return null
  if (!picklistKey || !picklistListExists(core.db, picklistKey)) throw invalid('picklistKey', 'A picklist field needs an existing picklist')
  return picklistKey
}

function checkStageIds(core: Core, entity: CustomFieldEntity, stageIds: readonly number[] | undefined): void {
  if (!stageIds || stageIds.length === 0) return
  if (entity !== 'opportunity') throw invalid('requiredStageIds', 'Only opportunity fields can be required per stage')
  for (const id of stageIds) if (!getStage(core.db, id)) throw invalid('requiredStageIds', `Stage ${id} does not exist`)
}

function changed(core: Core, entity: CustomFieldEntity, reason: string): void {
  core.events.emit('data-changed', { entities: [entity], reason })
}

export function listCustomFields(core: Core, input: ParsedInput<'customFields.list'>): CustomField[] {
  return listFields(core.db, input.entity, input.includeDeleted)
}

export function createCustomField(core: Core, input: CustomFieldCreate, meta: CallMeta): CustomField {
  if (fieldKeyTaken(core.db, input.entity, input.key) || reservedKeys[input.entity]?.includes(input.key)) {
    throw new AppError('CUSTOM_FIELD_KEY_TAKEN', { entity: input.entity, key: input.key })
  }
  const picklistKey = checkedPicklistKey(core, input.type, input.picklistKey)
  checkStageIds(core, input.entity, input.requiredStageIds)
  const shape = { type: input.type, picklistKey, key: input.key } as CustomField
  const defaultValue = input.defaultValue == null ? null : coerceFieldValue(core, shape, input.defaultValue)
  const id = inTransaction(core, () => {
    const now = writeContext(core, meta).now
    const fieldId = insertField(
      core.db,
      {
        entity: input.entity,
        key: input.key,
        labelZh: input.labelZh,
        labelEn: input.labelEn,
        type: input.type,
        picklistKey,
        required: input.required ?? false,
        requiredStageIds: input.requiredStageIds ?? [],
        defaultValue,
        helpText: input.helpText ?? null,
        position: input.position ?? nextFieldPosition(core.db, input.entity),
      },
      now,
    )
    materializeField(core.db, input.entity, input.key)
    return fieldId
  })
  changed(core, input.entity, 'custom-field')
  return getField(core.db, id)
}

export function updateCustomField(core: Core, input: { id: number; version: number; patch: CustomFieldPatch }, meta: CallMeta): CustomField {
  const field = liveFieldById(core, input.id)
  checkStageIds(core, field.entity, input.patch.requiredStageIds)
  const defaultValue =
    input.patch.defaultValue === undefined || input.patch.defaultValue === null
      ? input.patch.defaultValue
      : coerceFieldValue(core, field, input.patch.defaultValue)
  inTransaction(core, () => updateField(core.db, input.id, input.version, { ...input.patch, defaultValue }, writeContext(core, meta).now))
  changed(core, field.entity, 'custom-field')
  return getField(core.db, input.id)
}

/** A field in the trash keeps its values on the records; only its definition is hidden. */
export function deleteCustomField(core: Core, input: { id: number }, meta: CallMeta): { ok: true } {
  const field = liveFieldById(core, input.id)
  inTransaction(core, () => {
    const now = writeContext(core, meta).now
    setFieldDeletedAt(core.db, field.id, now, now)
    dematerializeField(core.db, field.entity, field.key)
  })
  changed(core, field.entity, 'custom-field')
  return { ok: true }
}

export function restoreCustomField(core: Core, input: { id: number }, meta: CallMeta): CustomField {
  const field = getField(core.db, input.id)
  if (field.deletedAt === null) return field
  inTransaction(core, () => {
    setFieldDeletedAt(core.db, field.id, null, writeContext(core, meta).now)
    materializeField(core.db, field.entity, field.key)
  })
  changed(core, field.entity, 'custom-field')
  return getField(core.db, input.id)
}

/** Empties one field from the trash: its definition and its values on every record are gone for good. */
export function purgeCustomField(core: Core, input: { id: number }): { ok: true } {
  const field = getField(core.db, input.id)
  if (field.deletedAt === null) throw invalid('id', 'Only a field in the trash can be purged; delete it first')
  inTransaction(core, () => {
    removeFieldValues(core.db, field.entity, field.key)
    deleteFieldRow(core.db, field.id)
  })
  changed(core, field.entity, 'custom-field')
  return { ok: true }
}

export function liveFieldById(core: Core, id: number): CustomField {
  const field = getField(core.db, id)
  if (field.deletedAt !== null) throw new AppError('CUSTOM_FIELD_UNKNOWN', { id })
  return field
}
