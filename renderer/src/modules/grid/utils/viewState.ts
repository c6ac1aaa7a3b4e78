import { GridColumns, type ColumnDef } from '../../../../../shared/columns'
import type { GridEntity } from '../../../../../shared/enums'
import { customColumnsOf } from '../../customFields/utils/customColumns'
import type { FilterValue, ViewState, WindowQuery } from '../../../../../shared/query'

export type Filter = ViewState['filters'][number]
export type SortKey = ViewState['sort'][number]
export type ColumnLayout = ViewState['columns'][number]

/** Everything a grid (and the board) shows: what a saved view stores. */
export interface GridViewState {
  filters: Filter[]
  sort: SortKey[]
  /** Column order, widths and hidden flags; empty means the contract's layout. */
  columns: ColumnLayout[]
  /** How many of the first visible columns stay put when scrolling sideways. */
  pinned: number
  groupBy: string | null
  search: string
}

export const defaultViewState: GridViewState = { filters: [], sort: [], columns: [], pinned: 1, groupBy: null, search: '' }

/**
 * In a multi-select owner filter, "me" next to other people: kept as this
 * marker in the view and swapped for the current user when the query is sent.
 */
export const ME = '@me'

/** The built-in columns, then the entity's custom fields as `custom.<key>` columns. */
export function contractColumns(entity: GridEntity): readonly ColumnDef[] {
  const custom = customColumnsOf(entity)
  return custom.length ? [...(GridColumns[entity] as readonly ColumnDef[]), ...custom] : (GridColumns[entity] as readonly ColumnDef[])
}

/** A view's state as the grid uses it: unknown columns dropped, missing fields defaulted. */
export function fromViewState(entity: GridEntity, state: Partial<ViewState> | undefined): GridViewState {
  const known = new Set(contractColumns(entity).map((c) => c.key))
  return {
    filters: (state?.filters ?? []).filter((f) => known.has(f.column)),
    sort: (state?.sort ?? []).filter((s) => known.has(s.column)),
    columns: (state?.columns ?? []).filter((c) => known.has(c.key)),
    pinned: state?.pinned ?? 1,
    groupBy: state?.groupBy && known.has(state.groupBy) ? state.groupBy : null,
    search: state?.search ?? '',
  }
}

export function toViewState(state: GridViewState): ViewState {
  return {
    filters: state.filters,
    sort: state.sort,
    columns: state.columns,
    pinned: state.pinned,
    groupBy: state.groupBy,
    ...(state.search ? { search: state.search } : {}),
  }
}

export interface ResolvedColumn {
  column: ColumnDef
  width: number
  hidden: boolean
}

/**
 * The full column layout: the view's order first, then any column the view
 * does not mention (a column added since it was saved) in contract order.
 */
export function resolveColumns(entity: GridEntity, layout: readonly ColumnLayout[], defaultWidth: (column: ColumnDef) => number): ResolvedColumn[] {
  const byKey = new Map(contractColumns(entity).map((c) => [c.key, c]))
  const seen = new Set<string>()
  const out: ResolvedColumn[] = []
  for (const entry of layout) {
    const column = byKey.get(entry.key)
    if (!column || seen.has(entry.key)) continue
    seen.add(entry.key)
    out.push({ column, width: entry.width ?? defaultWidth(column), hidden: entry.hidden ?? false })
  }
  for (const column of contractColumns(entity)) {
    if (!seen.has(column.key)) out.push({ column, width: defaultWidth(column), hidden: false })
  }
  return out
}

/** Writes a resolved layout back as the view stores it. */
export function layoutOf(columns: readonly ResolvedColumn[]): ColumnLayout[] {
  return columns.map((c) => ({ key: c.column.key, width: Math.round(c.width), ...(c.hidden ? { hidden: true } : {}) }))
}

/** The first filter on a column: the one its header edits. */
export function filterOf(state: GridViewState, column: string): Filter | undefined {
  return state.filters.find((f) => f.column === column)
}

/** Replaces (or with undefined removes) the filters on one column. */
export function withColumnFilter(state: GridViewState, column: string, filter: Omit<Filter, 'column'> | undefined): GridViewState {
  const others = state.filters.filter((f) => f.column !== column)
  return { ...state, filters: filter ? [...others, { column, ...filter }] : others }
}

function resolveMe(value: FilterValue | undefined, userId: number | null): FilterValue | undefined {
  if (!Array.isArray(value) || !value.includes(ME)) return value
  return value.flatMap((v) => (v === ME ? (userId === null ? [] : [userId]) : [v]))
}

/** The filters as the core takes them: "me" inside a list becomes the current user's id. */
export function queryFilters(filters: readonly Filter[], userId: number | null): WindowQuery['filters'] {
  return filters.map((f) => (f.op === 'in' ? { ...f, value: resolveMe(f.value, userId) } : f))
}

export type GridQuery = Pick<WindowQuery, 'sort' | 'filters' | 'search'>

export function toGridQuery(state: GridViewState, userId: number | null, extraFilters: readonly Filter[] = []): GridQuery {
  const search = state.search.trim()
  return {
    sort: state.sort,
    filters: queryFilters([...state.filters, ...extraFilters], userId),
    ...(search ? { search } : {}),
  }
}

/** Two states that show the same grid (for the "view changed" mark). */
export function sameState(a: GridViewState, b: GridViewState): boolean {
  return JSON.stringify(toViewState(a)) === JSON.stringify(toViewState(b))
}
