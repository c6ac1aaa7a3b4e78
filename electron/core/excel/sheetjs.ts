import * as XLSX from 'xlsx'
import * as cptable from 'xlsx/dist/cpexcel.full.mjs'
import { WorkbookRefusal } from './failures'
import { maxSheetRows, type ReadLimits } from './limits'
import type { CellRange, CellValue, SheetModel, WorkbookFormat, WorkbookModel } from './model'

// Legacy .xls files store text in their code page (936 for Chinese Excel, 1253 for Greek …).
XLSX.set_cptable(cptable)

/** BIFF error codes, as the cells of every binary and XML format report them. */
const errorLiterals: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
}

function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  switch (cell?.t) {
    case 'n':
      return cell.v as number
    case 's':
      return cell.v === '' ? null : String(cell.v)
    case 'b':
      return Boolean(cell.v)
    case 'd':
      return cell.v instanceof Date ? cell.v : new Date(String(cell.v))
    case 'e':
      return { error: errorLiterals[cell.v as number] ?? '#ERROR!' }
    default:
      return null
  }
}

function rowValues(cells: readonly (XLSX.CellObject | undefined)[] | undefined): CellValue[] {
  const values: CellValue[] = []
  if (!cells) return values
  let last = -1
  for (let c = 0; c < cells.length; c++) {
    const value = cellValue(cells[c])
    values.push(value)
    if (value !== null) last = c
  }
  values.length = last + 1
  return values
}

function sheetModel(sheet: XLSX.WorkSheet, name: string, hidden: boolean, rowLimit: number): SheetModel {
  const data = sheet['!data'] ?? []
  // Dense sheets leave holes for rows without cells; the model has an array for every row.
  const rows = Array.from({ length: data.length }, (_, r) => rowValues(data[r]))
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop()
  const merges = (sheet['!merges'] ?? []).map(
    (m): CellRange => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }),
  )
  return { name, hidden, rows, merges, truncated: data.length >= rowLimit }
}

/** SheetJS's errors are plain Errors with English text; these are the ones a person can act on. */
function refusalFor(err: unknown): WorkbookRefusal {
  const message = err instanceof Error ? err.message : String(err)
  if (/password|encrypt/i.test(message)) return new WorkbookRefusal('ENCRYPTED', message)
  if (err instanceof RangeError) return new WorkbookRefusal('TOO_LARGE', message)
  return new WorkbookRefusal('CORRUPT', message)
}

const nonWorksheets = new Set(['chart', 'macro', 'dialog'])

/**
 * Parses a workbook SheetJS can read into the neutral model: dense sheets
 * walked by the cells they really hold (a declared A1:XFD1048576 costs
 * nothing), cached formula results instead of formulas, date cells as Dates.
 */
export function readWithSheetJs(
  bytes: Buffer,
  format: WorkbookFormat,
  limits: ReadLimits,
  onSheet: (done: number, total: number) => void,
): WorkbookModel {
  const rowLimit = maxSheetRows(limits) + 1
  let workbook: XLSX.WorkBook
  try {
    workbook = XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      cellDates: true,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellStyles: false,
      bookVBA: false,
      sheetRows: rowLimit,
    })
  } catch (err) {
    throw refusalFor(err)
  }
  const sheets: SheetModel[] = []
  let cells = 0
  workbook.SheetNames.forEach((name, i) => {
    onSheet(i, workbook.SheetNames.length)
    const sheet = workbook.Sheets[name]
    if (!sheet || nonWorksheets.has(sheet['!type'] ?? 'sheet')) return
    const model = sheetModel(sheet, name, (workbook.Workbook?.Sheets?.[i]?.Hidden ?? 0) > 0, rowLimit)
    cells += model.rows.reduce((sum, row) => sum + row.filter((v) => v !== null).length, 0)
    if (cells > limits.maxCells) throw new WorkbookRefusal('TOO_LARGE', `more than ${limits.maxCells} cells`)
    sheets.push(model)
  })
  return { format, date1904: Boolean(workbook.Workbook?.WBProps?.date1904), sheets }
}
