import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type FilterFn,
  type SortingState,
} from '@tanstack/react-table'
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import { Alert, Button, Empty } from 'antd'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { GridColumns, type ColumnDef as ContractColumn } from '../../../../../shared/columns'
import type { GridEntity } from '../../../../../shared/enums'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useCellRenderer } from '../hooks/useCellRenderer'
import { useWindowedRows, type GridQuery } from '../hooks/useWindowedRows'
import { toWindowFilters } from '../utils/columnFilters'
import { columnWidth, isNumericColumn } from '../utils/columnLayout'
import type { GridRow } from '../utils/listMethods'
import { GridBodyRow } from './GridBodyRow'
import { GridHeaderCell } from './GridHeaderCell'
import { GridToolbar } from './GridToolbar'

/**
 * The core filters; this only tells TanStack to keep whatever filter value the
 * column holds (its built-in filter functions would drop our {op, value} objects).
 */
const filteredByCore: FilterFn<GridRow> = () => true

const ROW_HEIGHT = 40
const OVERSCAN_ROWS = 8
const MAX_SORT_COLUMNS = 5
/** Even if a layout bug let the grid grow as tall as its content, the DOM stays this small. */
const MAX_RENDERED_ROWS = 150

interface Props {
  entity: GridEntity
  /** Accessible name of the grid, e.g. the page title. */
  label: string
  toolbarExtra?: ReactNode
  /** Called with the row's id on click or Enter; rows are not openable without it. */
  onOpenRow?(id: number): void
}

/**
 * A spreadsheet-sized list that only ever holds a window of rows: sorting,
 * filtering and counting happen in the core, and the DOM holds the rows in view.
 */
export function WindowedGrid({ entity, label, toolbarExtra, onOpenRow }: Props) {
  const { t } = useTranslation()
  const { locale } = usePreferences()
  const renderCell = useCellRenderer()
  const scrollRef = useRef<HTMLDivElement>(null)

  const [sorting, setSorting] = useState<SortingState>([])
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([])
  const [search, setSearch] = useState('')
  const [activeIndex, setActiveIndex] = useState(0)

  const contractColumns = GridColumns[entity] as readonly ContractColumn[]
  const columns = useMemo<ColumnDef<GridRow>[]>(
    () =>
      contractColumns.map((contract) => {
        const label = locale === 'zh-CN' ? contract.labelZh : contract.labelEn
        return {
          id: contract.key,
          // TanStack only sorts and filters columns that have an accessor.
          accessorFn: (row) => (row as unknown as Record<string, unknown>)[contract.key],
          header: label,
          filterFn: filteredByCore,
          size: columnWidth(contract, label),
          meta: { numeric: isNumericColumn(contract) },
          cell: ({ row }) => renderCell(contract, row.original as unknown as Record<string, unknown>),
        }
      }),
    [contractColumns, locale, renderCell],
  )

  const query = useMemo<GridQuery>(
    () => ({
      sort: sorting.map((s) => ({ column: s.id, desc: s.desc })),
      filters: toWindowFilters(columnFilters),
      search: search || undefined,
    }),
    [sorting, columnFilters, search],
  )
  const rows = useWindowedRows(entity, query)

  // The app does not use the React Compiler; TanStack's mutable instances are what we want here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
    rangeExtractor: (range) => defaultRangeExtractor(range).slice(0, MAX_RENDERED_ROWS),
  })
  const virtualRows = virtualizer.getVirtualItems()
  const firstIndex = virtualRows[0]?.index ?? 0
  const lastIndex = virtualRows.at(-1)?.index ?? 0
  const { showRange } = rows
  useEffect(() => showRange(firstIndex, lastIndex), [showRange, firstIndex, lastIndex])

  // A new question starts at the top of its answer.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 })
  }, [query])

  // Only the rows in view are handed to the table, so its row model stays small.
  const windowData = virtualRows.map((v) => rows.rowAt(v.index)).filter((row): row is GridRow => row !== undefined)
  const table = useReactTable<GridRow>({
    data: windowData,
    columns,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableMultiSort: true,
    // Excel sorts A→Z and smallest first on the first click, whatever the type.
    sortDescFirst: false,
    maxMultiSortColCount: MAX_SORT_COLUMNS,
    isMultiSortEvent: (event) => (event as MouseEvent).shiftKey,
    getRowId: (row) => String(row.id),
    getCoreRowModel: getCoreRowModel(),
  })

  const totalWidth = table.getTotalSize()
  const widths = table.getVisibleLeafColumns().map((c) => c.getSize())
  const total = rows.total ?? 0

  const focusRow = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(total - 1, index))
      setActiveIndex(next)
      virtualizer.scrollToIndex(next)
      requestAnimationFrame(() =>
        scrollRef.current?.querySelector<HTMLElement>(`[role="row"][aria-rowindex="${next + 2}"]`)?.focus(),
      )
    },
    [total, virtualizer],
  )

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const row = rows.rowAt(index)
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }
    if (event.key === 'Enter' && row && onOpenRow) onOpenRow(row.id)
    else if (event.key in moves) focusRow(index + (moves[event.key] ?? 0))
    else if (event.key === 'Home') focusRow(0)
    else if (event.key === 'End') focusRow(total - 1)
    else return
    event.preventDefault()
  }

  return (
    <div className="wb-grid-frame">
      <GridToolbar
        onSearch={setSearch}
        total={rows.total}
        filtersActive={columnFilters.length > 0}
        onClearFilters={() => setColumnFilters([])}
        extra={toolbarExtra}
      />
      {rows.error && (
        <Alert
          type="error"
          showIcon
          title={rows.error.message}
          action={<Button onClick={rows.retry}>{t('common.retry')}</Button>}
        />
      )}
      <div
        ref={scrollRef}
        role="grid"
        aria-label={label}
        aria-rowcount={total + 1}
        aria-colcount={columns.length}
        className="wb-grid"
        data-testid={`grid-${entity}`}
      >
        <div role="rowgroup" className="wb-grid-head" style={{ width: totalWidth }}>
          {table.getHeaderGroups().map((group) => (
            <div key={group.id} role="row" aria-rowindex={1} className="wb-grid-header-row">
              {group.headers.map((header) => (
                <GridHeaderCell
                  key={header.id}
                  header={header}
                  contract={contractColumns[header.index] as ContractColumn}
                  label={String(header.column.columnDef.header)}
                  showSortIndex={sorting.length > 1}
                />
              ))}
            </div>
          ))}
        </div>
        <div role="rowgroup" className="wb-grid-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
          {virtualRows.map((virtualRow) => {
            const data = rows.rowAt(virtualRow.index)
            return (
              <GridBodyRow
                key={virtualRow.index}
                index={virtualRow.index}
                top={virtualRow.start}
                height={ROW_HEIGHT}
                row={data && table.getRow(String(data.id), true)}
                widths={widths}
                // One row is in the tab order; after a filter shrinks the list, the last one.
                focusable={virtualRow.index === Math.min(activeIndex, total - 1)}
                onOpen={onOpenRow}
                onKeyDown={onRowKeyDown}
                onFocus={setActiveIndex}
              />
            )
          })}
        </div>
        {rows.total === 0 && <Empty className="wb-grid-empty" description={t('grid.noRows')} />}
      </div>
    </div>
  )
}
