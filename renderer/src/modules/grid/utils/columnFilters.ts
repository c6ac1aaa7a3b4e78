import type { ColumnFiltersState } from '@tanstack/react-table'
import type { ColumnDef as ContractColumn, ColumnType } from '../../../../../shared/columns'
import type { WindowQuery } from '../../../../../shared/query'

/** One column's filter as the grid keeps it: the contract's filter without its column. */
export type ColumnFilter = Omit<WindowQuery['filters'][number], 'column'>

export type FilterKind = 'contains' | 'in' | 'between'

const filterKinds: Record<ColumnType, FilterKind> = {
  text: 'contains',
  account: 'contains',
  number: 'between',
  currency: 'between',
  percent: 'between',
  date: 'between',
  datetime: 'between',
  picklist: 'in',
  enum: 'in',
  user: 'in',
  stage: 'in',
  pipeline: 'in',
  boolean: 'in',
}

export function filterKindOf(column: ContractColumn): FilterKind {
  return filterKinds[column.type]
}

export function toWindowFilters(state: ColumnFiltersState): WindowQuery['filters'] {
  return state.map(({ id, value }) => ({ column: id, ...(value as ColumnFilter) }))
}
