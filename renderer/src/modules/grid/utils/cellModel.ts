import { GridColumns, type ColumnDef } from '../../../../../shared/columns'
import { coerceForColumn, type CoerceContext, type CoerceReason, type ColumnValue } from '../../../../../shared/coerce'
import { coerceCustomValue } from '../../../../../shared/customValues'
import type { Currency, GridEntity } from '../../../../../shared/enums'
import { isMultiColumn } from '../../customFields/utils/customColumns'
import type { Patch } from './undoStack'
import { contractColumns } from './viewState'

/** What a cell stores: a column value, or a multi-select custom field's list of picklist values. */
export type CellValue = ColumnValue | readonly string[]

export type CellCoerced = { readonly ok: true; readonly value: CellValue; readonly currency?: Currency } | { readonly ok: false; readonly reason: CoerceReason }

/** A row as the grid holds it: the contract's row of any entity, read by field name. */
export type RowValues = Readonly<Record<string, unknown>> & { readonly id: number }

/** Words for ids and codes, in the current language; the renderer's useLabels fits. */
export interface CellLabels {
  userName(id: number | null | undefined): string | undefined
  stageName(id: number | null | undefined): string | undefined
  pipelineName(id: number | null | undefined): string | undefined
  picklistLabel(listKey: string, value: string | null | undefined): string | undefined
  enumLabel(enumName: string, value: string | null | undefined): string | undefined
  yes: string
  no: string
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A timestamp as a person in this time zone reads it, the way Excel recognises it. */
function localDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/**
 * A cell as text for the clipboard and for starting an edit: numbers plain
 * (so Excel keeps them numbers), dates ISO, codes as their labels (which a
 * paste reads back in either language).
 */
export function cellText(column: ColumnDef, row: RowValues, labels: CellLabels): string {
  const value = row[column.key]
  if (value === null || value === undefined || value === '') return column.type === 'boolean' ? labels.no : ''
  switch (column.type) {
    case 'number':
    case 'currency':
      return String(value)
    case 'percent':
      return `${String(value)}%`
    case 'datetime':
      return localDateTime(String(value))
    case 'picklist':
      // A multi-select custom field holds a list of values.
      if (Array.isArray(value)) return value.map((v) => labels.picklistLabel(column.options ?? '', String(v)) ?? String(v)).join(', ')
      return labels.picklistLabel(column.options ?? '', String(value)) ?? String(value)
    case 'enum':
      return column.options === 'currency' ? String(value) : (labels.enumLabel(column.options ?? '', String(value)) ?? String(value))
    case 'user':
      return labels.userName(value as number) ?? String(row[column.key.replace(/Id$/, 'Name')] ?? '')
    case 'stage':
      return labels.stageName(value as number) ?? String(row.stageName ?? '')
    case 'pipeline':
      return labels.pipelineName(value as number) ?? ''
    case 'boolean':
      return value ? labels.yes : labels.no
    default:
      return String(value)
  }
}

/**
 * Text typed or pasted into a cell, coerced by the column's type through the
 * contract's coercion (the same as an import). A bare number in a date column
 * is an Excel serial date.
 */
export function coerceCellText(column: ColumnDef, text: string, context: CoerceContext): CellCoerced {
  // A multi-select reads labels in either language, split by , ， ; ； 、 or new lines.
  if (isMultiColumn(column)) return coerceCustomValue('multiPicklist', text, context) as CellCoerced
  const trimmed = text.trim()
  if ((column.type === 'date' || column.type === 'datetime') && /^\d+(\.\d+)?$/.test(trimmed)) {
    return coerceForColumn(column.type, Number(trimmed), context)
  }
  return coerceForColumn(column.type, text, context)
}

/** The contract field a column writes: the account column writes the account's id. */
export function fieldOf(column: Pick<ColumnDef, 'key'>): string {
  return column.key === 'accountName' ? 'accountId' : column.key
}

/** The grid column that shows a contract field, for placing a validation message. */
export function columnOfField(entity: GridEntity, field: string): ColumnDef | undefined {
  const key = field === 'accountId' ? 'accountName' : field
  return contractColumns(entity).find((c) => c.key === key)
}

function hasCurrencyColumn(entity: GridEntity): boolean {
  return (GridColumns[entity] as readonly ColumnDef[]).some((c) => c.key === 'currency' && c.editable)
}

/**
 * The patch one coerced cell makes. An amount written with its currency
 * ("$3,000.50") sets the record's currency too.
 */
export function patchFor(entity: GridEntity, column: ColumnDef, coerced: { value: CellValue; currency?: string }): Patch {
  const patch: Patch = { [fieldOf(column)]: coerced.value }
  if (column.type === 'currency' && coerced.currency && hasCurrencyColumn(entity)) patch.currency = coerced.currency
  return patch
}

/** The value a column writes, read from a row (for fill down and bulk copies). */
export function fieldValue(column: ColumnDef, row: RowValues): unknown {
  return row[fieldOf(column)] ?? null
}

/** Equal values; lists (multi-selects) by their items, in order. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i])
  return (a ?? null) === (b ?? null)
}

/** Only the fields that would change the row; an unchanged paste writes nothing. */
export function changedFields(row: RowValues, patch: Patch): Patch {
  return Object.fromEntries(Object.entries(patch).filter(([field, value]) => !same(row[field], value)))
}

/** What the row held in each patched field: the inverse patch an undo sends. */
export function beforeOf(row: RowValues, patch: Patch): Patch {
  return Object.fromEntries(Object.keys(patch).map((field) => [field, row[field] ?? null]))
}
