import { DndContext, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core'
import { SortableContext, arrayMove, horizontalListSortingStrategy } from '@dnd-kit/sortable'
import type { Header } from '@tanstack/react-table'
import { useTranslation } from 'react-i18next'
import type { ColumnFilter } from '../utils/columnFilters'
import type { CachedRow } from '../utils/rowCache'
import { filterOf, type GridViewState, type ResolvedColumn } from '../utils/viewState'
import type { VisibleColumn } from './GridBodyRow'
import { GridHeaderCell } from './GridHeaderCell'

interface Props {
  headers: Header<CachedRow, unknown>[]
  columns: readonly VisibleColumn[]
  /** Every column in order, hidden ones included: a reorder moves within this list. */
  resolved: ResolvedColumn[]
  state: GridViewState
  totalWidth: number
  gutterWidth: number
  onReorder(next: ResolvedColumn[]): void
  onFilterChange(column: string, filter: ColumnFilter | undefined): void
}

/** The header row: the row-number corner, then one header per shown column, reordered by dragging. */
export function GridHeader({ headers, columns, resolved, state, totalWidth, gutterWidth, onReorder, onFilterChange }: Props) {
  const { t } = useTranslation()
  // A small threshold keeps a click on a header a sort, not a drag.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }))
  const onDragEnd = (event: DragEndEvent) => {
    const { active, over } = event
    if (!over || active.id === over.id) return
    const keys = resolved.map((r) => r.column.key)
    const from = keys.indexOf(String(active.id))
    const to = keys.indexOf(String(over.id))
    if (from >= 0 && to >= 0) onReorder(arrayMove(resolved, from, to))
  }

  return (
    <div role="rowgroup" className="wb-grid-head" style={{ width: totalWidth }}>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={headers.map((h) => h.column.id)} strategy={horizontalListSortingStrategy}>
          <div role="row" aria-rowindex={1} className="wb-grid-header-row">
            <div role="columnheader" aria-colindex={1} aria-label={t('grid.rowNumber')} className="wb-grid-gutter wb-grid-corner" style={{ width: gutterWidth }}>
              #
            </div>
            {headers.map((header, i) => {
              const column = columns[i]
              if (!column) return null
              const sorted = header.column.getIsSorted()
              return (
                <GridHeaderCell
                  key={header.id}
                  header={header}
                  contract={column.column}
                  label={column.label}
                  colIndex={i + 2}
                  stickyLeft={column.stickyLeft}
                  lastPinned={column.lastPinned}
                  sorted={sorted}
                  sortIndex={state.sort.length > 1 && sorted ? header.column.getSortIndex() + 1 : null}
                  filter={filterOf(state, column.column.key)}
                  onFilterChange={onFilterChange}
                />
              )
            })}
          </div>
        </SortableContext>
      </DndContext>
    </div>
  )
}
