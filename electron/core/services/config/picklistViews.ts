import type { Database } from 'better-sqlite3'
import { GridColumns, customFieldKeyOf, type ColumnDef } from '../../../../shared/columns'
import type { CustomField } from '../../../../shared/entities'
import type { ViewState } from '../../../../shared/query'
import { listAllViews, updateView } from '../../store/views'

type ListField = Pick<CustomField, 'entity' | 'key' | 'picklistKey'>
type Filter = ViewState['filters'][number]

/** Whether a view's filter column reads its values from the list: a built-in picklist column or a custom field on it. */
function readsList(entity: keyof typeof GridColumns, column: string, listKey: string, fields: readonly ListField[]): boolean {
  const fieldKey = customFieldKeyOf(column)
  if (fieldKey) return fields.some((f) => f.entity === entity && f.key === fieldKey && f.picklistKey === listKey)
  return (GridColumns[entity] as readonly ColumnDef[]).some((c) => c.key === column && c.type === 'picklist' && c.options === listKey)
}

function renamedFilter(filter: Filter, from: string, into: string): Filter {
  const { value } = filter
  if (value === from) return { ...filter, value: into }
  if (Array.isArray(value) && value.includes(from)) return { ...filter, value: [...new Set(value.map((v) => (v === from ? into : v)))] }
  return filter
}

/**
 * After a picklist merge, saved views that filtered on the merged value
 * filter on the surviving one, so a view such as "来源 = 微信" keeps showing
 * the records the merge moved instead of silently showing none. Returns how
 * many views changed.
 */
export function renameValueInViews(db: Database, listKey: string, fields: readonly ListField[], from: string, into: string, now: string): number {
  let changed = 0
  for (const view of listAllViews(db)) {
    const filters = view.state.filters.map((f) => (readsList(view.entity, f.column, listKey, fields) ? renamedFilter(f, from, into) : f))
    if (filters.every((f, i) => f === view.state.filters[i])) continue
    updateView(db, view.id, { name: view.name, shared: view.shared, state: { ...view.state, filters } }, now)
    changed += 1
  }
  return changed
}
