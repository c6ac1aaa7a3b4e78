import { WorkbookRefusal } from './failures'
import type { CellValue } from './model'

const candidates = [',', '\t', ';', '|'] as const
export type Delimiter = (typeof candidates)[number]

/** Counts a delimiter on one line, ignoring quoted stretches. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (ch === delimiter && !quoted) count++
  }
  return count
}

/**
 * The delimiter that splits the first lines most consistently, or null when
 * none does (prose, a log file, a one-line error message named .xls).
 * Excel's own `sep=;` first line decides outright.
 */
export function sniffDelimiter(text: string): { delimiter: Delimiter; skipFirstLine: boolean } | null {
  const directive = /^sep=(.)\r?\n/i.exec(text)
  const declared = candidates.find((c) => c === directive?.[1])
  if (declared) return { delimiter: declared, skipFirstLine: true }
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').slice(0, 30)
  let best: { delimiter: Delimiter; agreeing: number } | null = null
  for (const delimiter of candidates) {
    const counts = lines.map((l) => countOutsideQuotes(l, delimiter))
    const modal = mostCommonPositive(counts)
    if (modal === null) continue
    const agreeing = counts.filter((c) => c === modal).length
    if (!best || agreeing > best.agreeing) best = { delimiter, agreeing }
  }
  return best && { delimiter: best.delimiter, skipFirstLine: false }
}

function mostCommonPositive(counts: readonly number[]): number | null {
  const tally = new Map<number, number>()
  for (const c of counts) if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1)
  let modal: number | null = null
  for (const [value, times] of tally) if (modal === null || times > tally.get(modal)!) modal = value
  return modal
}

export interface DelimitedRows {
  readonly rows: CellValue[][]
  readonly cells: number
  readonly truncated: boolean
}

const QUOTE = 34
const LF = 10
const CR = 13

/** A quoted field from its opening quote: its value and the index just past it. */
function readQuoted(text: string, start: number, delimiter: number): [string, number] {
  let value = ''
  let i = start + 1
  for (;;) {
    const close = text.indexOf('"', i)
    if (close === -1) return [value + text.slice(i), text.length]
    value += text.slice(i, close)
    if (text.charCodeAt(close + 1) !== QUOTE) {
      // Lenient like Excel: text after the closing quote still belongs to the field.
      const end = fieldEnd(text, close + 1, delimiter)
      return [value + text.slice(close + 1, end), end]
    }
    value += '"'
    i = close + 2
  }
}

function fieldEnd(text: string, from: number, delimiter: number): number {
  let i = from
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === delimiter || c === LF || c === CR) break
    i++
  }
  return i
}

/**
 * RFC 4180 fields (quotes, doubled quotes, line breaks inside quotes) with
 * any line ending — CRLF, LF, or the CR alone that old Mac Excel writes.
 * Values stay text: "00123" and "440101199001011234" must not become numbers
 * here; the column's type decides later.
 */
export function parseDelimited(text: string, delimiter: Delimiter, maxRows: number, maxCells: number): DelimitedRows {
  const d = delimiter.charCodeAt(0)
  const rows: CellValue[][] = []
  let row: CellValue[] = []
  let cells = 0
  let i = 0
  while (i <= text.length) {
    let value: string
    if (text.charCodeAt(i) === QUOTE) [value, i] = readQuoted(text, i, d)
    else {
      const end = fieldEnd(text, i, d)
      value = text.slice(i, end)
      i = end
    }
    row.push(value === '' ? null : value)
    if (value !== '') cells++
    if (text.charCodeAt(i) === d) {
      i++
      continue
    }
    i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
    rows.push(trimTrailingNulls(row))
    row = []
    if (cells > maxCells) throw new WorkbookRefusal('TOO_LARGE', `more than ${maxCells} cells`)
    if (rows.length > maxRows) return { rows: trimTrailingRows(rows.slice(0, maxRows)), cells, truncated: true }
    if (i >= text.length) break
  }
  return { rows: trimTrailingRows(rows), cells, truncated: false }
}

function trimTrailingNulls(row: CellValue[]): CellValue[] {
  let end = row.length
  while (end > 0 && row[end - 1] === null) end--
  return end === row.length ? row : row.slice(0, end)
}

function trimTrailingRows(rows: CellValue[][]): CellValue[][] {
  let end = rows.length
  while (end > 0 && rows[end - 1]!.length === 0) end--
  return end === rows.length ? rows : rows.slice(0, end)
}
