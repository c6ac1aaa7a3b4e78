/**
 * The spreadsheet's cell cursor and range selection. Rows are positions in
 * the displayed list (group headers included), columns are positions among
 * the visible columns. Pure: the grid keeps one Selection in state.
 */

export interface CellPos {
  row: number
  col: number
}

/** The anchor stays where the selection began; the focus is the cell cursor. */
export interface Selection {
  anchor: CellPos
  focus: CellPos
}

export interface CellRange {
  top: number
  bottom: number
  left: number
  right: number
}

export interface Bounds {
  rows: number
  cols: number
  /** Rows a PageUp/PageDown moves. */
  pageRows: number
  /** Rows that hold a record; the cursor skips the others (group headers). */
  isDataRow?(row: number): boolean
}

export type Move =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'rowStart'
  | 'rowEnd'
  | 'pageUp'
  | 'pageDown'
  | 'top'
  | 'bottom'
  | 'first'
  | 'last'

export function cellSelection(pos: CellPos): Selection {
  return { anchor: pos, focus: pos }
}

export function rangeOf(selection: Selection): CellRange {
  const { anchor, focus } = selection
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    right: Math.max(anchor.col, focus.col),
  }
}

export function inRange(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right
}

export function rangeSize(range: CellRange): { rows: number; cols: number } {
  return { rows: range.bottom - range.top + 1, cols: range.right - range.left + 1 }
}

export function isSingleCell(selection: Selection): boolean {
  return selection.anchor.row === selection.focus.row && selection.anchor.col === selection.focus.col
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value))

/** The nearest data row from `row` going in `step` direction (or `row` itself); null when none. */
export function nearestDataRow(row: number, step: 1 | -1, bounds: Bounds): number | null {
  const isData = bounds.isDataRow ?? (() => true)
  for (let r = clamp(row, 0, bounds.rows - 1); r >= 0 && r < bounds.rows; r += step) if (isData(r)) return r
  return null
}

/** Where one keyboard move takes the cursor, before any group header is skipped. */
function target(from: CellPos, move: Move, bounds: Bounds): CellPos {
  const lastRow = bounds.rows - 1
  const lastCol = bounds.cols - 1
  switch (move) {
    case 'up':
      return { row: from.row - 1, col: from.col }
    case 'down':
      return { row: from.row + 1, col: from.col }
    case 'left':
      return { row: from.row, col: from.col - 1 }
    case 'right':
      return { row: from.row, col: from.col + 1 }
    case 'rowStart':
      return { row: from.row, col: 0 }
    case 'rowEnd':
      return { row: from.row, col: lastCol }
    case 'pageUp':
      return { row: from.row - bounds.pageRows, col: from.col }
    case 'pageDown':
      return { row: from.row + bounds.pageRows, col: from.col }
    case 'top':
      return { row: 0, col: from.col }
    case 'bottom':
      return { row: lastRow, col: from.col }
    case 'first':
      return { row: 0, col: 0 }
    case 'last':
      return { row: lastRow, col: lastCol }
  }
}

/** Which way a move searches for a data row when it lands on a group header. */
const rowStep: Record<Move, 1 | -1 | 0> = {
  down: 1,
  pageDown: 1,
  top: 1,
  first: 1,
  up: -1,
  pageUp: -1,
  bottom: -1,
  last: -1,
  left: 0,
  right: 0,
  rowStart: 0,
  rowEnd: 0,
}

/**
 * Moves the cursor; with `extend` (Shift) the anchor stays and the range
 * grows. Stops at the edges, and never lands on a group header.
 */
export function moveSelection(selection: Selection, move: Move, bounds: Bounds, extend: boolean): Selection {
  if (bounds.rows <= 0 || bounds.cols <= 0) return selection
  const raw = target(selection.focus, move, bounds)
  const col = clamp(raw.col, 0, bounds.cols - 1)
  let row = clamp(raw.row, 0, bounds.rows - 1)
  const step = rowStep[move]
  if (step !== 0) row = nearestDataRow(row, step, bounds) ?? nearestDataRow(row, step === 1 ? -1 : 1, bounds) ?? selection.focus.row
  const focus = { row, col }
  return extend ? { anchor: selection.anchor, focus } : cellSelection(focus)
}

/**
 * Tab and Shift+Tab: one column along, wrapping to the next or previous
 * row as Excel does at the end of a row.
 */
export function tabSelection(selection: Selection, backward: boolean, bounds: Bounds): Selection {
  const { row, col } = selection.focus
  if (!backward && col < bounds.cols - 1) return cellSelection({ row, col: col + 1 })
  if (backward && col > 0) return cellSelection({ row, col: col - 1 })
  const nextRow = nearestDataRow(row + (backward ? -1 : 1), backward ? -1 : 1, bounds)
  if (nextRow === null || nextRow === row) return cellSelection({ row, col })
  return cellSelection({ row: nextRow, col: backward ? bounds.cols - 1 : 0 })
}

/** Whole rows from `fromRow` to `toRow`, as a click (and shift+click) on row numbers selects them. */
export function rowsSelection(fromRow: number, toRow: number, cols: number): Selection {
  return { anchor: { row: fromRow, col: 0 }, focus: { row: toRow, col: Math.max(0, cols - 1) } }
}

/** Keeps a selection inside the grid after rows or columns went away. */
export function clampSelection(selection: Selection, bounds: Bounds): Selection {
  const fit = (pos: CellPos) => ({
    row: clamp(pos.row, 0, Math.max(0, bounds.rows - 1)),
    col: clamp(pos.col, 0, Math.max(0, bounds.cols - 1)),
  })
  const anchor = fit(selection.anchor)
  const focus = fit(selection.focus)
  return anchor.row === selection.anchor.row &&
    anchor.col === selection.anchor.col &&
    focus.row === selection.focus.row &&
    focus.col === selection.focus.col
    ? selection
    : { anchor, focus }
}
