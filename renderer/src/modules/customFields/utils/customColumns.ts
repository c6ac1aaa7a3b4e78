import { customColumnKey, customFieldKeyOf, type ColumnDef, type ColumnType } from '../../../../../shared/columns'
import { CustomFieldEntity, type CustomField, type CustomFieldType } from '../../../../../shared/entities'
import type { GridEntity } from '../../../../../shared/enums'
import { customFieldsSnapshot } from './customFieldStore'

/** A grid column backed by a custom field: the contract's column plus what only custom fields have. */
export interface CustomColumnDef extends ColumnDef {
  readonly fieldType: CustomFieldType
  /** A multi-select: the cell holds a list of picklist values. */
  readonly multiple: boolean
  readonly helpText: string | null
}

/** How each field type behaves in a grid (sorting, filters, editors, paste coercion). */
const columnTypes: Record<CustomFieldType, ColumnType> = {
  text: 'text',
  longText: 'text',
  phone: 'text',
  email: 'text',
  url: 'text',
  number: 'number',
  currency: 'currency',
  percent: 'percent',
  date: 'date',
  datetime: 'datetime',
  picklist: 'picklist',
  multiPicklist: 'picklist',
  user: 'user',
  checkbox: 'boolean',
}

const widths: Partial<Record<CustomFieldType, number>> = { longText: 220, datetime: 150, checkbox: 80, email: 180, url: 180 }

export function customColumnOf(field: CustomField): CustomColumnDef {
  return {
    key: customColumnKey(field.key),
    type: columnTypes[field.type],
    labelZh: field.labelZh,
    labelEn: field.labelEn,
    options: field.picklistKey ?? undefined,
    editable: true,
    width: widths[field.type] ?? 120,
    fieldType: field.type,
    multiple: field.type === 'multiPicklist',
    helpText: field.helpText,
  }
}

export function isCustomColumn(column: Pick<ColumnDef, 'key'>): column is CustomColumnDef {
  return customFieldKeyOf(column.key) !== null
}

export function isMultiColumn(column: ColumnDef): boolean {
  return isCustomColumn(column) && (column as CustomColumnDef).multiple
}

function fieldEntityOf(entity: GridEntity): CustomFieldEntity | null {
  const parsed = CustomFieldEntity.safeParse(entity)
  return parsed.success ? parsed.data : null
}

let cache: { fields: readonly CustomField[]; byEntity: Map<GridEntity, readonly CustomColumnDef[]> } | null = null

/** The entity's custom columns in field order, from the definitions held in the store. */
export function customColumnsOf(entity: GridEntity): readonly CustomColumnDef[] {
  const { fields } = customFieldsSnapshot()
  if (cache?.fields !== fields) cache = { fields, byEntity: new Map() }
  let columns = cache.byEntity.get(entity)
  if (!columns) {
    const fieldEntity = fieldEntityOf(entity)
    columns = fields
      .filter((f) => f.entity === fieldEntity && f.deletedAt === null)
      .toSorted((a, b) => a.position - b.position)
      .map(customColumnOf)
    cache.byEntity.set(entity, columns)
  }
  return columns
}

/** A signature of the entity's custom columns: a grid starts afresh when it changes. */
export function customColumnsSignature(entity: GridEntity): string {
  return customColumnsOf(entity)
    .map((c) => `${c.key}:${c.fieldType}:${c.options ?? ''}:${c.labelZh}:${c.labelEn}`)
    .join('|')
}

/**
 * A row as the grid reads it: custom values appear as `custom.<key>` fields,
 * so cells, sorting, undo and paste treat them like built-in fields.
 */
export function flattenCustom<T extends object>(row: T): T {
  const custom = (row as { custom?: unknown }).custom
  if (!custom || typeof custom !== 'object') return row
  const flat: Record<string, unknown> = { ...(row as Record<string, unknown>) }
  for (const [key, value] of Object.entries(custom)) flat[customColumnKey(key)] = value
  return flat as T
}

/** A grid patch as the core takes it: `custom.<key>` fields go back under `custom`. */
export function nestCustom<T extends Record<string, unknown>>(patch: T): T {
  let custom: Record<string, unknown> | null = null
  const out: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(patch)) {
    const key = customFieldKeyOf(field)
    if (key === null) out[field] = value
    else (custom ??= {})[key] = value
  }
  if (custom) out.custom = { ...(out.custom as Record<string, unknown> | undefined), ...custom }
  return out as T
}
