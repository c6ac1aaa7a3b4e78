import { customFieldKeyOf, type ColumnDef } from '../../../../../shared/columns'
import { GridPatches } from '../../../../../shared/entities'
import type { GridEntity, Locale } from '../../../../../shared/enums'

/** The field that names a record in messages ("华东区 ERP was changed elsewhere"). */
export const titleFields: Record<GridEntity, string> = {
  opportunity: 'name',
  lead: 'company',
  account: 'name',
  contact: 'name',
  activity: 'content',
  task: 'title',
}

/** Entities whose rows carry a version, so the grid may write them. */
export function isEditableEntity(entity: GridEntity): boolean {
  // Follow-up rows come without a version in the contract; writing them would be a blind overwrite.
  return entity !== 'activity'
}

/** Entities a paste past the last row may add rows to (grid.create). */
export function isCreatableEntity(entity: GridEntity): boolean {
  return entity === 'opportunity' || entity === 'lead' || entity === 'account' || entity === 'contact' || entity === 'task'
}

export function columnLabel(column: Pick<ColumnDef, 'labelZh' | 'labelEn'>, locale: Locale): string {
  return locale === 'zh-CN' ? column.labelZh : column.labelEn
}

/** A record's name for messages, or its id when the name is not at hand. */
export function recordTitle(entity: GridEntity, row: Readonly<Record<string, unknown>> | undefined, id: number): string {
  const title = row?.[titleFields[entity]]
  return typeof title === 'string' && title.trim() ? title : `#${id}`
}

/** The table column behind a contract field, as the core's CONFLICT details spell it. */
export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)
}

/**
 * Whether the grid may write a column: the contract marks it editable and
 * the entity's grid patch accepts its field. (A column the patch does not
 * know would be dropped by the core's schema: a silent no-op, so it is
 * shown read-only instead.)
 */
export function isWritable(entity: GridEntity, column: Pick<ColumnDef, 'key' | 'editable'>): boolean {
  if (!column.editable || !isEditableEntity(entity)) return false
  if (customFieldKeyOf(column.key) !== null) return Object.hasOwn(GridPatches[entity].shape, 'custom')
  const field = column.key === 'accountName' ? 'accountId' : column.key
  return Object.hasOwn(GridPatches[entity].shape, field)
}
