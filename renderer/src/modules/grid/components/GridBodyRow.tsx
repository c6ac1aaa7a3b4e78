import { flexRender, type Row } from '@tanstack/react-table'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { cellClass } from '../utils/columnLayout'
import type { GridRow } from '../utils/listMethods'

interface Props {
  /** Position in the whole result, not in the loaded window. */
  index: number
  top: number
  height: number
  row: Row<GridRow> | undefined
  /** Column widths, used to lay out a row whose data has not arrived yet. */
  widths: number[]
  focusable: boolean
  onOpen?(id: number): void
  onKeyDown(event: KeyboardEvent<HTMLDivElement>, index: number): void
  onFocus(index: number): void
}

export function GridBodyRow({ index, top, height, row, widths, focusable, onOpen, onKeyDown, onFocus }: Props) {
  const { t } = useTranslation()
  const style = { transform: `translateY(${top}px)`, height }

  if (!row) {
    return (
      <div role="row" aria-rowindex={index + 2} aria-busy="true" className="wb-grid-row wb-grid-row-loading" style={style}>
        {widths.map((width, i) => (
          <div key={i} role="gridcell" aria-colindex={i + 1} className="wb-grid-cell" style={{ width }}>
            <span className="wb-grid-skeleton" aria-label={i === 0 ? t('grid.loadingRow') : undefined} />
          </div>
        ))}
      </div>
    )
  }

  const id = row.original.id
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-row-id={id}
      tabIndex={focusable ? 0 : -1}
      className={onOpen ? 'wb-grid-row wb-grid-row-openable' : 'wb-grid-row'}
      style={style}
      onClick={onOpen && (() => onOpen(id))}
      onKeyDown={(event) => onKeyDown(event, index)}
      onFocus={() => onFocus(index)}
    >
      {row.getVisibleCells().map((cell, i) => (
        <div
          key={cell.id}
          role="gridcell"
          aria-colindex={i + 1}
          className={cellClass(cell.column.columnDef.meta?.numeric)} style={{ width: cell.column.getSize() }}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  )
}
