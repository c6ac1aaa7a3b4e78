/**
 * What a cell can hold when it reaches a coercer: text typed or pasted, a
 * number or boolean from a workbook, a Date for a date-formatted cell (its UTC
 * fields carry the wall-clock value, as SheetJS builds them), or a formula
 * error. Plain objects only, so values survive a worker or IPC hop.
 */
export type RawValue = string | number | boolean | Date | CellError | null | undefined

/** A formula whose cached result is an error, e.g. `#DIV/0!`. */
export interface CellError {
  readonly error: string
}

/** The error values Excel writes into cells, and into CSV files as plain text. */
export const excelErrorLiterals = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
] as const

export function isCellError(raw: RawValue): raw is CellError {
  return typeof raw === 'object' && raw !== null && !(raw instanceof Date) && typeof raw.error === 'string'
}

/** A cell error, or text that is exactly an error literal (a CSV saved from Excel, a paste). */
export function holdsCellError(raw: RawValue): boolean {
  if (isCellError(raw)) return true
  return typeof raw === 'string' && (excelErrorLiterals as readonly string[]).includes(raw.trim().toUpperCase())
}

/** Empty cells and whitespace-only text are blank: they import as "no value". */
export function isBlank(raw: RawValue): raw is null | undefined | string {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')
}

/** Trims spaces, tabs and line breaks that templates leave around values ("02152534888\t"). */
export function cleanText(text: string): string {
  return text.replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000\ufeff]+$/g, '')
}
