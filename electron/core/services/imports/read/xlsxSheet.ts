import { wallClockOfSerial } from '../../../../../shared/coerce'
import type { CellRange, CellValue } from '../../../excel/model'
import type { WorkbookParts } from './xlsxParts'
import { RepeatedTexts } from '../repeats'
import { attributesOf, cellText, detached, richText } from './xmlText'

export interface SheetRows {
  readonly rows: CellValue[][]
  readonly merges: CellRange[]
  /** More rows than `rowLimit` hold data; `rows` stops there. */
  readonly truncated: boolean
}

/** "BC12" → column 54 (0-based) and row 11, or null when the reference is absent or odd. Hot: one call per cell. */
function decodeRef(ref: string | undefined): { col: number; row: number } | null {
  if (!ref) return null
  let col = 0
  let row = 0
  let i = ref.charCodeAt(0) === 36 ? 1 : 0
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32
    if (code < 65 || code > 90) break
    col = col * 26 + (code - 64)
  }
  if (ref.charCodeAt(i) === 36) i++
  const digitsFrom = i
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i)
    if (code < 48 || code > 57) return null
    row = row * 10 + (code - 48)
  }
  return col === 0 || i === digitsFrom ? null : { col: col - 1, row: row - 1 }
}

function decodeRange(ref: string | undefined): CellRange | null {
  const [from, to] = (ref ?? '').split(':')
  const start = decodeRef(from)
  const end = decodeRef(to ?? from)
  return start && end ? { top: start.row, left: start.col, bottom: end.row, right: end.col } : null
}

/** A serial shown with a date format, as a Date whose UTC fields are the wall clock (what SheetJS builds). */
function serialDate(serial: number, date1904: boolean): CellValue {
  // A time of day alone (serial below 1) is that time on Excel's day zero, as SheetJS reads it.
  if (serial >= 0 && serial < 1) return new Date(Date.UTC(1899, 11, 31) + Math.round(serial * 86_400_000))
  const clock = wallClockOfSerial(serial, date1904)
  if (!clock.ok) return serial
  const { year, month, day, hour, minute, second, millisecond } = clock.value
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millisecond))
  date.setUTCFullYear(year)
  return date
}

/** An ISO date written into a `t="d"` cell, read as a wall clock. */
function isoDate(text: string): CellValue {
  const time = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim())
  if (time) return new Date(Date.UTC(1899, 11, 31, Number(time[1]), Number(time[2]), Number(time[3] ?? 0)))
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?/.exec(text.trim())
  if (!m) return text === '' ? null : text
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0)) as number[]
  return new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, Number((m[7] ?? '0').padEnd(3, '0'))))
}

/** One attribute of a cell or row tag; these are read millions of times, so without building a map. */
const attributePatterns = {
  r: /(?:^|\s)r\s*=\s*["']([^"']*)["']/,
  s: /(?:^|\s)s\s*=\s*["']([^"']*)["']/,
  t: /(?:^|\s)t\s*=\s*["']([^"']*)["']/,
}
const attribute = (body: string, name: keyof typeof attributePatterns) => attributePatterns[name].exec(body)?.[1]

const valueTag = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/
const inlineTag = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/

function cellValue(tag: string, inner: string, book: WorkbookParts, texts: (text: string) => string): CellValue {
  const type = attribute(tag, 't') ?? 'n'
  if (type === 'inlineStr') {
    const text = richText(inlineTag.exec(inner)?.[1] ?? '')
    return text === '' ? null : texts(text)
  }
  const raw = valueTag.exec(inner)?.[1]
  if (raw === undefined) return null
  switch (type) {
    case 's': {
      const text = book.sharedStrings[Number(raw)] ?? ''
      return text === '' ? null : text
    }
    case 'str': {
      const text = cellText(raw)
      return text === '' ? null : texts(text)
    }
    case 'b':
      return raw.trim() === '1' || raw.trim().toLowerCase() === 'true'
    case 'e':
      return { error: cellText(raw).trim() }
    case 'd':
      return isoDate(cellText(raw))
    default: {
      const number = Number(raw)
      if (raw.trim() === '' || !Number.isFinite(number)) return null
      return book.dateStyles.has(Number(attribute(tag, 's') ?? 0)) ? serialDate(number, book.date1904) : number
    }
  }
}

const rowPattern = /<(?:[\w.-]+:)?row(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g
const cellPattern = /<(?:[\w.-]+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g
const mergePattern = /<(?:[\w.-]+:)?mergeCell(?=[\s/>])([^>]*)>/g
/** Where the closing tag `</name>` (with any prefix) last / first ends in `text`, or -1. Faster than a RegExp on megabytes. */
function closingTagEnd(text: string, name: string, last: boolean): number {
  const needle = `${name}>`
  for (let at = last ? text.lastIndexOf(needle) : text.indexOf(needle); at !== -1; at = last ? text.lastIndexOf(needle, at - 1) : text.indexOf(needle, at + 1)) {
    const open = text.lastIndexOf('</', at)
    if (open !== -1 && /^<\/(?:[\w.-]+:)?$/.test(text.slice(open, at))) return at + needle.length
  }
  return -1
}

/**
 * Reads a worksheet part as it inflates: rows are parsed as soon as they are
 * complete and the XML behind them is dropped, so a 100k-row sheet never
 * sits in memory as text. Stops reading past `rowLimit` rows.
 */
export async function readSheetRows(chunks: AsyncIterable<string>, book: WorkbookParts, rowLimit: number): Promise<SheetRows> {
  const rows: CellValue[][] = []
  let nextRow = 0
  let truncated = false
  // Inline texts are copied out of the XML (so it can go), once per distinct text in a column.
  const repeats = new RepeatedTexts()
  let col = 0
  const texts = (text: string) => repeats.shared(col, text, detached)

  /** Parses complete rows; false once the limit is passed. */
  const takeRows = (xml: string): boolean => {
    rowPattern.lastIndex = 0
    for (let m = rowPattern.exec(xml); m; m = rowPattern.exec(xml)) {
      const rowRef = attribute(m[1]!, 'r')
      const r = rowRef ? Number(rowRef) - 1 : nextRow
      nextRow = r + 1
      const values: CellValue[] = []
      let nextCol = 0
      const inner = m[2] ?? ''
      cellPattern.lastIndex = 0
      for (let c = cellPattern.exec(inner); c; c = cellPattern.exec(inner)) {
        col = decodeRef(attribute(c[1]!, 'r'))?.col ?? nextCol
        nextCol = col + 1
        const value = cellValue(c[1]!, c[2] ?? '', book, texts)
        if (value !== null) values[col] = value
      }
      if (values.length === 0) continue
      if (r >= rowLimit) {
        truncated = true
        return false
      }
      for (let i = 0; i < values.length; i++) values[i] ??= null
      rows[r] = values
    }
    return true
  }

  let pending = ''
  let tail = ''
  let inRows = true
  for await (const chunk of chunks) {
    if (!inRows) {
      tail += chunk
      continue
    }
    const text = pending + chunk
    const close = closingTagEnd(text, 'sheetData', false)
    if (close !== -1) {
      inRows = false
      tail = text.slice(close)
      if (!takeRows(text.slice(0, close))) break
      continue
    }
    const cut = closingTagEnd(text, 'row', true)
    pending = cut === -1 ? text : text.slice(cut)
    if (cut !== -1 && !takeRows(text.slice(0, cut))) break
  }
  const merges: CellRange[] = []
  for (const m of (tail + pending).matchAll(mergePattern)) {
    const range = decodeRange(attributesOf(m[1]!).ref)
    if (range) merges.push(range)
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= []
  return { rows, merges, truncated }
}
