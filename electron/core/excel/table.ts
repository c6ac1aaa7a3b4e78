import {
  foldWidth,
  formatWallClock,
  isBlank,
  isCellError,
  matchKey,
  parseDateText,
  parseQuantity,
  wallClockOfDate,
} from '../../../shared/coerce'
import type { ImportFailure } from './failures'
import { namesAField, type HeaderColumn } from './mapping'
import type { CellRange, CellValue, SheetModel } from './model'

export interface TableRow {
  /** Row index in the sheet (0-based), for messages like "row 17". */
  readonly rowIndex: number
  /** One value per table column, in the order of `columns`. */
  readonly values: readonly CellValue[]
}

export interface SkippedRow {
  readonly rowIndex: number
  /** hint: filling instructions (必填，从下拉选择); total: a 合计 row; header: the header repeated. */
  readonly reason: 'hint' | 'total' | 'header'
}

export interface DetectedTable {
  readonly headerRowIndex: number
  readonly columns: readonly HeaderColumn[]
  readonly dataRows: readonly TableRow[]
  readonly skippedRows: readonly SkippedRow[]
}

export type TableResult = { readonly ok: true; readonly table: DetectedTable } | { readonly ok: false; readonly failure: ImportFailure }

/** Title rows, notes and a header fit well within the top of a sheet. */
const headerSearchRows = 30

const instruction =
  /必填|选填|非必填|可选|请填写|请输入|请选择|下拉|格式[:：为]|示例|例如|如[:：]|填写说明|^\s*(?:required|optional)\b|e\.g\.|for example|format:/i

/**
 * A row of filling instructions — 必填，从下拉选择 under each header, or a
 * closing row of 必填 — is template furniture, not data: most of its cells
 * are instructions.
 */
function isHintRow(values: readonly CellValue[]): boolean {
  const filled = values.filter((v) => !isBlank(v))
  const hints = filled.filter((v) => typeof v === 'string' && instruction.test(v)).length
  return hints > 0 && hints * 2 >= filled.length
}

const totalLabel = /^(?:合计|总计|小计|总和|共计|total|grand total|subtotal|sum)\s*[:：]?$/i

function isTotalRow(values: readonly CellValue[]): boolean {
  const first = values.find((v) => !isBlank(v))
  return typeof first === 'string' && totalLabel.test(foldWidth(first).trim())
}

/** Text that labels a column: not a number, a date, or a sentence. */
function isLabel(value: CellValue): value is string {
  if (typeof value !== 'string') return false
  const text = value.trim()
  return text !== '' && text.length <= 40 && parseQuantity(text) === null && !parseDateText(text).ok
}

/** A merged block's value shows in every cell it covers; the header row is read as shown. */
function expandMerges(rows: readonly (readonly CellValue[])[], merges: readonly CellRange[], lastRow: number): CellValue[][] {
  const band = rows.slice(0, lastRow + 1).map((row) => [...row])
  for (const m of merges) {
    if (m.top > lastRow) continue
    const value = band[m.top]?.[m.left] ?? null
    for (let r = m.top; r <= Math.min(m.bottom, lastRow); r++) {
      const row = (band[r] ??= [])
      for (let c = m.left; c <= m.right; c++) if (isBlank(row[c] ?? null)) row[c] = value
    }
  }
  return band
}

/**
 * Scores a row as a header: distinct labels, with each one that names a
 * known field counting thrice. Title rows have one label, note rows a label
 * and a value, data rows numbers and dates; the header row wins on labels.
 * A label repeated across the row costs: that is a group row above the
 * header (联系方式 merged over 电话 and 邮箱), or data.
 */
function headerScore(row: readonly CellValue[]): number {
  const filled = row.filter((v) => !isBlank(v))
  const labels = filled.filter(isLabel)
  if (labels.length === 0 || labels.length < filled.length * 0.6 || isHintRow(row)) return 0
  const distinct = new Map(labels.map((label) => [matchKey(label), label]))
  const known = [...distinct.values()].filter(namesAField).length
  if (distinct.size < 2 && known === 0) return 0
  return distinct.size + 2 * known - 2 * (labels.length - distinct.size)
}

/** The earliest row that scores close to the best: the header sits above data rows that may look similar. */
function findHeaderRow(band: readonly (readonly CellValue[])[]): number | null {
  const scores = band.map(headerScore)
  const best = Math.max(0, ...scores)
  if (best === 0) return null
  return scores.findIndex((s) => s >= best * 0.75)
}

function headerText(value: CellValue): string {
  if (value === null || isCellError(value)) return ''
  if (value instanceof Date) return formatWallClock(wallClockOfDate(value))
  return String(value).replace(/\s+/g, ' ').trim()
}

/**
 * A merged label in the data applies to every row it spans (客户名称 merged
 * over three contacts); a merged number is one figure, and copying it would
 * count it three times. Returns the cells to fill: row → column → label.
 */
function mergedLabels(sheet: SheetModel, headerRow: number): Map<number, Map<number, string>> {
  const fills = new Map<number, Map<number, string>>()
  for (const m of sheet.merges) {
    const value = sheet.rows[m.top]?.[m.left]
    if (m.top <= headerRow || typeof value !== 'string') continue
    for (let r = m.top + 1; r <= Math.min(m.bottom, sheet.rows.length - 1); r++) {
      if (!fills.has(r)) fills.set(r, new Map())
      fills.get(r)!.set(m.left, value)
    }
  }
  return fills
}

/** Columns of the table: those with a header of their own, or with data below the header. */
function tableColumns(sheet: SheetModel, band: readonly (readonly CellValue[])[], headerRowIndex: number): HeaderColumn[] {
  const shown = band[headerRowIndex]!
  const own = sheet.rows[headerRowIndex]!
  const withData = new Set<number>()
  for (let r = headerRowIndex + 1; r < sheet.rows.length; r++) {
    sheet.rows[r]!.forEach((v, c) => {
      if (!isBlank(v)) withData.add(c)
    })
  }
  const width = Math.max(shown.length, ...[...withData].map((c) => c + 1))
  const columns: HeaderColumn[] = []
  for (let c = 0; c < width; c++) {
    const header = headerText(shown[c] ?? null)
    // A header copied across a merge names a real column only where data sits under it.
    if ((header !== '' && !isBlank(own[c] ?? null)) || withData.has(c)) columns.push({ index: c, header })
  }
  return columns
}

/**
 * Finds the table in a sheet: the header row below any titles and notes,
 * its columns (wherever the table starts, skipping blank columns), and the
 * data rows below it without instruction, total or repeated-header rows.
 */
export function detectTable(sheet: SheetModel): TableResult {
  if (sheet.truncated) return { ok: false, failure: { code: 'TOO_MANY_ROWS', detail: sheet.name } }
  if (!sheet.rows.some((row) => row.some((v) => !isBlank(v)))) return { ok: false, failure: { code: 'SHEET_EMPTY' } }
  const band = expandMerges(sheet.rows, sheet.merges, Math.min(sheet.rows.length, headerSearchRows) - 1)
  const headerRowIndex = findHeaderRow(band)
  if (headerRowIndex === null) return { ok: false, failure: { code: 'NO_HEADER_ROW' } }

  const columns = tableColumns(sheet, band, headerRowIndex)
  const merged = mergedLabels(sheet, headerRowIndex)
  const repeatsHeader = (values: readonly CellValue[]) => values.every((v, i) => headerText(v) === columns[i]!.header)
  const dataRows: TableRow[] = []
  const skippedRows: SkippedRow[] = []
  for (let r = headerRowIndex + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!
    const fills = merged.get(r)
    const values = columns.map((c) => row[c.index] ?? fills?.get(c.index) ?? null)
    if (values.every(isBlank)) continue
    if (isHintRow(values)) skippedRows.push({ rowIndex: r, reason: 'hint' })
    else if (isTotalRow(values)) skippedRows.push({ rowIndex: r, reason: 'total' })
    else if (repeatsHeader(values)) skippedRows.push({ rowIndex: r, reason: 'header' })
    else dataRows.push({ rowIndex: r, values })
  }
  if (dataRows.length === 0) return { ok: false, failure: { code: 'NO_DATA_ROWS' } }
  return { ok: true, table: { headerRowIndex, columns, dataRows, skippedRows } }
}
