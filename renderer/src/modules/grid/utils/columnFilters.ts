import type { ColumnDef as ContractColumn, ColumnType } from '../../../../../shared/columns'
import type { DatePreset, FilterValue } from '../../../../../shared/query'
import { ME, type Filter } from './viewState'

/** One column's filter as its header edits it: the contract's filter without its column. */
export type ColumnFilter = Omit<Filter, 'column'>

export type FilterKind = 'text' | 'range' | 'date' | 'choice'

const filterKinds: Record<ColumnType, FilterKind> = {
  text: 'text',
  account: 'text',
  number: 'range',
  currency: 'range',
  percent: 'range',
  date: 'date',
  datetime: 'date',
  picklist: 'choice',
  enum: 'choice',
  user: 'choice',
  stage: 'choice',
  pipeline: 'choice',
  boolean: 'choice',
}

export function filterKindOf(column: ContractColumn): FilterKind {
  return filterKinds[column.type]
}

/** The presets offered on date columns, in the order people think of them. */
export const datePresets: readonly DatePreset[] = [
  'overdue',
  'today',
  'thisWeek',
  'lastWeek',
  'thisMonth',
  'lastMonth',
  'nextMonth',
  'thisQuarter',
  'thisYear',
  'last7Days',
  'last30Days',
  'next7Days',
  'next30Days',
]

/** The values a choice filter holds: 'me' and equals are lists of one, for the checklist. */
export function choiceValues(filter: ColumnFilter | undefined): (string | number | null)[] {
  if (!filter) return []
  if (filter.op === 'me') return [ME]
  if (filter.op === 'empty') return [null]
  if (filter.op === 'equals' && (typeof filter.value === 'string' || typeof filter.value === 'number')) return [filter.value]
  if (filter.op === 'in' && Array.isArray(filter.value)) return filter.value
  return []
}

/** A checklist's ticks as a filter: "me" alone is the 'me' filter that a saved view keeps portable. */
export function choiceFilter(values: readonly (string | number | null)[]): ColumnFilter | undefined {
  if (values.length === 0) return undefined
  if (values.length === 1 && values[0] === ME) return { op: 'me' }
  if (values.length === 1 && values[0] === null) return { op: 'empty' }
  return { op: 'in', value: [...values] as FilterValue }
}

export interface RangeValue {
  from?: string | number | null
  to?: string | number | null
}

export function rangeOf(filter: ColumnFilter | undefined): RangeValue {
  const value = filter?.op === 'between' ? filter.value : undefined
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {}
}

/** An empty range clears the filter rather than filtering for nothing. */
export function rangeFilter(range: RangeValue): ColumnFilter | undefined {
  const from = range.from ?? null
  const to = range.to ?? null
  return from === null && to === null ? undefined : { op: 'between', value: { from, to } }
}

