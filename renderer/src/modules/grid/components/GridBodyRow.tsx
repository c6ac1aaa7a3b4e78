import { ExpandAltOutlined } from '@ant-design/icons'
import { memo, type CSSProperties, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'
import type { CachedRow } from '../utils/rowCache'

/** A column as the body lays it out. */
export interface VisibleColumn {
  column: ContractColumn
  label: string
  width: number
  numeric: boolean
  /** Sticky offset when pinned. */
  stickyLeft: number | undefined
  lastPinned: boolean
}

interface Props {
  /** Position in the displayed list (group headers included). */
  index: number
  top: number
  height: number
  row: CachedRow | undefined
  columns: readonly VisibleColumn[]
  /** Which columns are near the viewport; the others become one spacer per run (horizontal windowing). */
  rendered: readonly boolean[]
  gutterWidth: number
  /** The number shown in the row-number column. */
  rowNumber: number
  /** Id prefix for cells, for aria-activedescendant. */
  gridId: string
  /** Selected columns of this row, or null. */
  selected: { left: number; right: number } | null
  /** The cell cursor's column when it is in this row. */
  activeCol: number | null
  editingCol: number | null
  editor: ReactNode
  editorError: string | undefined
  /** The whole row is selected (from its row number). */
  wholeRow: boolean
  renderCell(column: ContractColumn, row: CachedRow): ReactNode
  openLabel: string | undefined
  onOpen: ((id: number) => void) | undefined
}

export function cellId(gridId: string, index: number, col: number): string {
  return `${gridId}-r${index}-c${col}`
}

/**
 * One record's row: its number (with an open button), then a cell per
 * visible column. Clicks, drags and keys are handled by the grid, which
 * finds cells by their data attributes.
 */
export const GridBodyRow = memo(function GridBodyRow(props: Props) {
  const { t } = useTranslation()
  const { index, top, height, row, columns, rendered, gutterWidth, rowNumber, gridId, selected, activeCol, editingCol } = props
  const style: CSSProperties = { transform: `translateY(${top}px)`, height }

  const gutter = (
    <div
      role="rowheader"
      aria-colindex={1}
      className={props.wholeRow ? 'wb-grid-gutter wb-grid-gutter-selected' : 'wb-grid-gutter'}
      style={{ width: gutterWidth }}
      data-gutter=""
    >
      <span className="wb-grid-row-number">{rowNumber}</span>
      {row && props.onOpen && (
        <button
          type="button"
          className="wb-grid-open"
          aria-label={props.openLabel}
          title={t('grid.openHint')}
          tabIndex={-1}
          onMouseDown={(e) => e.stopPropagation()}
          onClick={() => props.onOpen?.(row.id)}
        >
          <ExpandAltOutlined aria-hidden />
        </button>
      )}
    </div>
  )

  if (!row) {
    return (
      <div role="row" aria-rowindex={index + 2} aria-busy="true" className="wb-grid-row wb-grid-row-loading" style={style} data-index={index}>
        {gutter}
        {windowed(columns, rendered, (c, i) => (
          <div
            key={c.column.key}
            role="gridcell"
            aria-colindex={i + 2}
            className={cellClasses(c, false, false)}
            style={cellStyle(c)}
          >
            <span className="wb-grid-skeleton" aria-label={i === 0 ? t('grid.loadingRow') : undefined} />
          </div>
        ))}
      </div>
    )
  }

  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected !== null}
      data-row-id={row.id}
      data-index={index}
      className={editingCol !== null ? 'wb-grid-row wb-grid-row-editing' : 'wb-grid-row'}
      style={style}
    >
      {gutter}
      {windowed(columns, rendered, (c, i) => {
        const isSelected = selected !== null && i >= selected.left && i <= selected.right
        const isActive = activeCol === i
        const isEditing = editingCol === i
        return (
          <div
            key={c.column.key}
            id={cellId(gridId, index, i)}
            role="gridcell"
            aria-colindex={i + 2}
            aria-selected={isSelected}
            aria-readonly={c.column.editable ? undefined : true}
            data-col={i}
            className={cellClasses(c, isSelected, isActive) + (isEditing ? ' wb-grid-cell-editing' : '')}
            style={cellStyle(c)}
          >
            {isEditing ? (
              <>
                {props.editor}
                {props.editorError && (
                  <div role="alert" className="wb-grid-cell-error">
                    {props.editorError}
                  </div>
                )}
              </>
            ) : (
              props.renderCell(c.column, row)
            )}
          </div>
        )
      })}
    </div>
  )
})

/** Renders the columns near the viewport; each run of the others is one empty spacer of the same width. */
function windowed(columns: readonly VisibleColumn[], rendered: readonly boolean[], cell: (c: VisibleColumn, i: number) => ReactNode): ReactNode[] {
  const out: ReactNode[] = []
  let gap = 0
  columns.forEach((c, i) => {
    if (rendered[i] === false) {
      gap += c.width
      return
    }
    if (gap > 0) out.push(<div key={`gap-${i}`} className="wb-grid-spacer" style={{ width: gap }} aria-hidden />)
    gap = 0
    out.push(cell(c, i))
  })
  if (gap > 0) out.push(<div key="gap-end" className="wb-grid-spacer" style={{ width: gap }} aria-hidden />)
  return out
}

function cellClasses(c: VisibleColumn, selected: boolean, active: boolean): string {
  const classes = ['wb-grid-cell']
  if (c.numeric) classes.push('wb-grid-cell-numeric')
  if (c.stickyLeft !== undefined) classes.push('wb-grid-pinned')
  if (c.lastPinned) classes.push('wb-grid-pinned-last')
  if (selected) classes.push('wb-grid-cell-selected')
  if (active) classes.push('wb-grid-cell-active')
  return classes.join(' ')
}

function cellStyle(c: VisibleColumn): CSSProperties {
  return c.stickyLeft !== undefined ? { width: c.width, position: 'sticky', left: c.stickyLeft } : { width: c.width }
}
