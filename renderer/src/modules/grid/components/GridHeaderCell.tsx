import { ArrowDownOutlined, ArrowUpOutlined, PushpinFilled } from '@ant-design/icons'
import { useSortable } from '@dnd-kit/sortable'
import type { Header } from '@tanstack/react-table'
import { memo, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'
import type { ColumnFilter } from '../utils/columnFilters'
import { cellClass } from '../utils/columnLayout'
import type { CachedRow } from '../utils/rowCache'
import { ColumnFilterButton } from './ColumnFilterButton'

interface Props {
  header: Header<CachedRow, unknown>
  contract: ContractColumn
  label: string
  /** aria-colindex: the row-number column is 1. */
  colIndex: number
  /** Sticky offset for a pinned column; undefined when it scrolls. */
  stickyLeft: number | undefined
  lastPinned: boolean
  /** The column's sort, passed in so the memo sees it change. */
  sorted: false | 'asc' | 'desc'
  /** 1-based position among sorted columns, shown when more than one column sorts. */
  sortIndex: number | null
  filter: ColumnFilter | undefined
  onFilterChange(column: string, filter: ColumnFilter | undefined): void
}

const ariaSort = { asc: 'ascending', desc: 'descending' } as const

/**
 * A column header: click to sort (shift+click adds a key), drag to reorder,
 * drag its right edge to resize, and its funnel to filter.
 */
export const GridHeaderCell = memo(function GridHeaderCell({
  header,
  contract,
  label,
  colIndex,
  stickyLeft,
  lastPinned,
  sorted,
  sortIndex,
  filter,
  onFilterChange,
}: Props) {
  const { t } = useTranslation()
  const { column } = header
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: column.id,
    attributes: { roleDescription: t('grid.columns.sortable') },
  })

  const style: CSSProperties = {
    width: header.getSize(),
    // Columns move sideways only.
    transform: transform ? `translate3d(${Math.round(transform.x)}px, 0, 0)` : undefined,
    transition,
    ...(stickyLeft !== undefined ? { position: 'sticky', left: stickyLeft } : {}),
  }
  const classes = [
    cellClass(column.columnDef.meta?.numeric),
    'wb-grid-header-cell',
    stickyLeft !== undefined ? 'wb-grid-pinned' : '',
    lastPinned ? 'wb-grid-pinned-last' : '',
    isDragging ? 'wb-grid-header-dragging' : '',
  ]

  return (
    <div
      ref={setNodeRef}
      role="columnheader"
      aria-colindex={colIndex}
      // Named by the label alone, not by the filter button's text inside it.
      aria-label={label}
      aria-sort={sorted ? ariaSort[sorted] : 'none'}
      className={classes.join(' ')}
      style={style}
      data-column={contract.key}
    >
      <button
        type="button"
        className="wb-grid-sort"
        // The header's aria-sort tells the direction; the arrows are for the eye.
        aria-label={label}
        title={t('grid.sortHint')}
        onClick={column.getToggleSortingHandler()}
        {...attributes}
        {...listeners}
      >
        {stickyLeft !== undefined && lastPinned && <PushpinFilled className="wb-grid-pin-icon" aria-hidden />}
        <span className="wb-grid-header-label">{label}</span>
        {sorted === 'asc' && <ArrowUpOutlined className="wb-grid-sort-icon" />}
        {sorted === 'desc' && <ArrowDownOutlined className="wb-grid-sort-icon" />}
        {sorted && sortIndex !== null && <sup className="wb-grid-sort-index">{sortIndex}</sup>}
      </button>
      <ColumnFilterButton column={contract} label={label} filter={filter} onChange={(next) => onFilterChange(contract.key, next)} />
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={t('grid.columns.resize', { label })}
        className={column.getIsResizing() ? 'wb-grid-resizer wb-grid-resizing' : 'wb-grid-resizer'}
        // Resizing must not start a column drag or a sort.
        onPointerDown={(e) => e.stopPropagation()}
        onMouseDown={header.getResizeHandler()}
        onTouchStart={header.getResizeHandler()}
        onDoubleClick={() => column.resetSize()}
        onClick={(e) => e.stopPropagation()}
      />
    </div>
  )
})
