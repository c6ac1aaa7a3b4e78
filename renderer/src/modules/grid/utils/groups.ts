import type { ColumnDef } from '../../../../../shared/columns'
import { groupableTypes } from '../../../../../shared/columns'
import type { GroupRow } from '../../../../../shared/query'
import { isCustomColumn, isMultiColumn } from '../../customFields/utils/customColumns'
import type { Filter } from './viewState'

export type GroupKey = GroupRow['key']

/** Columns a grid can group by, in the order the contract lists them. */
export function groupableColumns(columns: readonly ColumnDef[]): ColumnDef[] {
  // Custom fields group by their picklist values; their other types have no grouping index.
  return columns.filter((c) => groupableTypes.has(c.type) && (!isCustomColumn(c) || (c.type === 'picklist' && !isMultiColumn(c))))
}

const isMonth = (key: unknown): key is string => typeof key === 'string' && /^\d{4}-\d{2}$/.test(key)

function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number]
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return `${month}-${String(day).padStart(2, '0')}`
}

/**
 * The filter that selects one group's rows: blanks, one month of a date
 * column, or one value. Added to the grid's own filters, it loads a group's
 * rows lazily with the same window query as the flat grid.
 */
export function groupFilter(column: ColumnDef, key: GroupKey): Filter {
  if (key === null || key === '') return { column: column.key, op: 'empty' }
  if ((column.type === 'date' || column.type === 'datetime') && isMonth(key)) {
    return { column: column.key, op: 'between', value: { from: `${key}-01`, to: lastDayOfMonth(key) } }
  }
  return { column: column.key, op: 'in', value: [key] }
}

/** A stable id for a group within one grouping, for React keys and collapse state. */
export function groupId(key: GroupKey): string {
  return key === null ? '∅' : `${typeof key}:${String(key)}`
}

export interface GroupSection {
  id: string
  group: GroupRow
  /** Rows shown under the header: the group's count, or 0 when collapsed. */
  shown: number
  /** Display index of the header. */
  start: number
}

/** Lays groups out as one list: each header, then its rows when expanded. */
export function layoutGroups(groups: readonly GroupRow[], collapsed: ReadonlySet<string>): { sections: GroupSection[]; length: number } {
  const sections: GroupSection[] = []
  let start = 0
  for (const group of groups) {
    const id = groupId(group.key)
    const shown = collapsed.has(id) ? 0 : group.count
    sections.push({ id, group, shown, start })
    start += 1 + shown
  }
  return { sections, length: start }
}

export type DisplayItem = { kind: 'group'; section: GroupSection } | { kind: 'row'; section: GroupSection; offset: number }

/** What sits at a display index: a group header, or the n-th row of a group. */
export function itemAt(sections: readonly GroupSection[], index: number): DisplayItem | undefined {
  let lo = 0
  let hi = sections.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const section = sections[mid]!
    if (index < section.start) hi = mid - 1
    else if (index > section.start + section.shown) lo = mid + 1
    else return index === section.start ? { kind: 'group', section } : { kind: 'row', section, offset: index - section.start - 1 }
  }
  return undefined
}
