import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'

const numericTypes = new Set(['number', 'currency', 'percent'])

/** Numbers line up on the right, as in Excel. */
export function isNumericColumn(column: ContractColumn): boolean {
  return numericTypes.has(column.type)
}

export function cellClass(numeric: boolean | undefined): string {
  return numeric ? 'wb-grid-cell wb-grid-cell-numeric' : 'wb-grid-cell'
}

// Room for padding, the sort arrow and the filter button next to the label.
const HEADER_CHROME_PX = 64
const WIDE_CHAR_PX = 14
const NARROW_CHAR_PX = 7.5

/**
 * The contract's width, widened when the label in the current language would
 * not fit: "等级" and "Expected close" need different room.
 */
export function columnWidth(column: ContractColumn, label: string): number {
  const labelPx = [...label].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? WIDE_CHAR_PX : NARROW_CHAR_PX), 0)
  return Math.max(column.width, Math.ceil(labelPx + HEADER_CHROME_PX))
}
