import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnSizingState,
  type SortingState,
  type Table,
  type Updater,
} from '@tanstack/react-table'
import { useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react'
import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'
import type { GridEntity } from '../../../../../shared/enums'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import type { VisibleColumn } from '../components/GridBodyRow'
import { columnWidth, isNumericColumn } from '../utils/columnLayout'
import { columnLabel, isWritable } from '../utils/entityFacts'
import type { CachedRow } from '../utils/rowCache'
import { contractColumns, layoutOf, resolveColumns, type GridViewState, type ResolvedColumn } from '../utils/viewState'

const MAX_SORT_COLUMNS = 5
const MIN_WIDTH = 48
const NO_DATA: CachedRow[] = []

export interface ColumnModel {
  /** Every column in the view's order, with widths and hidden flags. */
  resolved: ResolvedColumn[]
  /** The shown columns as the body lays them out (pinned ones with their sticky offsets). */
  visibleColumns: VisibleColumn[]
  totalWidth: number
  /** TanStack's column model: headers, sorting and resizing handlers. */
  table: Table<CachedRow>
  setColumns(next: ResolvedColumn[]): void
}

/**
 * The grid's columns from its view state: order, widths, hidden and pinned.
 * TanStack Table (in manual mode) provides the headers, multi-column
 * sorting and resizing; the view state stays the single source of truth.
 */
export function useColumnModel(
  entity: GridEntity,
  state: GridViewState,
  update: (patch: Partial<GridViewState>) => void,
  gutterWidth: number,
): ColumnModel {
  const { locale } = usePreferences()
  const defaultWidth = useCallback((c: ContractColumn) => columnWidth(c, columnLabel(c, locale)), [locale])
  const resolved = useMemo(() => resolveColumns(entity, state.columns, defaultWidth), [entity, state.columns, defaultWidth])
  const visibleResolved = useMemo(() => resolved.filter((c) => !c.hidden), [resolved])
  const pinned = Math.min(state.pinned, visibleResolved.length)
  const visibleColumns = useMemo<VisibleColumn[]>(() => {
    let left = gutterWidth
    return visibleResolved.map((r, i) => {
      const stickyLeft = i < pinned ? left : undefined
      left += r.width
      return {
        // `editable` here means the grid can write it, which is narrower than the contract's flag.
        column: { ...r.column, editable: isWritable(entity, r.column) },
        label: columnLabel(r.column, locale),
        width: r.width,
        numeric: isNumericColumn(r.column),
        stickyLeft,
        lastPinned: i === pinned - 1,
      }
    })
  }, [visibleResolved, pinned, locale, gutterWidth, entity])
  const totalWidth = gutterWidth + visibleColumns.reduce((sum, c) => sum + c.width, 0)

  const setColumns = useCallback((next: ResolvedColumn[]) => update({ columns: layoutOf(next) }), [update])

  const tanColumns = useMemo<ColumnDef<CachedRow>[]>(
    () =>
      contractColumns(entity).map((contract) => ({
        id: contract.key,
        accessorFn: (row) => row[contract.key],
        header: columnLabel(contract, locale),
        minSize: MIN_WIDTH,
        maxSize: 1200,
        meta: { numeric: isNumericColumn(contract) },
      })),
    [entity, locale],
  )
  const sorting = useMemo<SortingState>(() => state.sort.map((s) => ({ id: s.column, desc: s.desc })), [state.sort])
  const columnSizing = useMemo<ColumnSizingState>(() => Object.fromEntries(resolved.map((r) => [r.column.key, r.width])), [resolved])
  const columnOrder = useMemo(() => resolved.map((r) => r.column.key), [resolved])
  const columnVisibility = useMemo(() => Object.fromEntries(resolved.map((r) => [r.column.key, !r.hidden])), [resolved])
  const resolvedRef = useRef(resolved)
  useEffect(() => {
    resolvedRef.current = resolved
  }, [resolved])

  // The app does not use the React Compiler; TanStack's mutable instances are what we want here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<CachedRow>({
    data: NO_DATA,
    columns: tanColumns,
    state: { sorting, columnSizing, columnOrder, columnVisibility },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater
      update({ sort: next.map((s) => ({ column: s.id, desc: s.desc })) })
    },
    onColumnSizingChange: (updater: Updater<ColumnSizingState>) => {
      const next = typeof updater === 'function' ? updater(columnSizing) : updater
      setColumns(resolvedRef.current.map((r) => ({ ...r, width: Math.max(MIN_WIDTH, Math.round(next[r.column.key] ?? r.width)) })))
    },
    columnResizeMode: 'onChange',
    enableColumnResizing: true,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableMultiSort: true,
    // Excel sorts A→Z and smallest first on the first click, whatever the type.
    sortDescFirst: false,
    maxMultiSortColCount: MAX_SORT_COLUMNS,
    isMultiSortEvent: (event) => (event as MouseEvent).shiftKey,
    getCoreRowModel: getCoreRowModel(),
  })

  return { resolved, visibleColumns, totalWidth, table, setColumns }
}
