import type { CellError } from '../../../shared/coerce'

/**
 * A cell as the reader hands it on: text, a number, a boolean, a Date for a
 * date-formatted cell (UTC fields = the wall clock shown), a formula error,
 * or null for an empty cell.
 */
export type CellValue = string | number | boolean | Date | CellError | null

/** An inclusive block of cells, 0-based. */
export interface CellRange {
  readonly top: number
  readonly left: number
  readonly bottom: number
  readonly right: number
}

export interface SheetModel {
  readonly name: string
  /** Hidden or "very hidden" in Excel: usually lookup lists, not the data to import. */
  readonly hidden: boolean
  /** rows[r][c] is the cell in sheet row r, column c (0-based, as in the file); trailing blanks are trimmed. */
  readonly rows: readonly (readonly CellValue[])[]
  /** Merged blocks; only the top-left cell of each holds the value in `rows`. */
  readonly merges: readonly CellRange[]
  /** The sheet has more rows than the read limit; `rows` holds only the first ones. */
  readonly truncated: boolean
}

export type WorkbookFormat = 'xlsx' | 'xlsb' | 'xls' | 'ods' | 'fods' | 'spreadsheetml' | 'html' | 'csv'

export interface WorkbookModel {
  readonly format: WorkbookFormat
  /** Serial dates count from 1904. Date cells are already Dates; this matters for numbers a mapping treats as dates. */
  readonly date1904: boolean
  /** For text files: how the bytes were decoded and how fields were separated. */
  readonly text?: { readonly encoding: string; readonly delimiter: string }
  readonly sheets: readonly SheetModel[]
}
