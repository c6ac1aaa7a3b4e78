import fs from 'node:fs'
import zlib from 'node:zlib'
import type { ColumnType } from '../../../shared/columns'
import type { Currency } from '../../../shared/enums'

/**
 * A formatted-workbook writer for every .xlsx the workbench hands out
 * (exports, error rows, import templates, the weekly review). People open
 * these and send them on, so each sheet gets a frozen header row with a
 * filter, sensible widths, real Excel dates, amounts as numbers in a currency
 * format, percentages as percentages, and text that cannot run as a formula.
 * Rows are written as they come, so a 100k-row export never sits in memory
 * as a sheet.
 */

export interface SheetColumn {
  readonly key: string
  readonly header: string
  /** How values are shown: dates and date-times as Excel dates, currency and percent formatted; labels as text. */
  readonly type: ColumnType | 'text'
  /** In characters; by default fitted to the header and the first rows. */
  readonly width?: number
  /** Kept in the file but folded away (the record id a re-import matches on). */
  readonly hidden?: boolean
  /** currency: the currency of every amount, or the row field naming it per row (default CNY). */
  readonly currency?: Currency | { readonly field: string }
  /** A dropdown of these values on every data cell of the column. */
  readonly options?: readonly string[]
}

export interface SheetSpec {
  readonly name: string
  readonly columns: readonly SheetColumn[]
  /**
   * Values by column key: text, numbers, booleans, Dates, 'YYYY-MM-DD' for
   * date columns, ISO instants for date-time columns, 0–100 for percent columns.
   */
  readonly rows: Iterable<Record<string, unknown>>
  readonly hidden?: boolean
}

/** Writes the workbook to `file`, streaming rows into the zip as they are produced. */
export async function writeWorkbook(sheets: readonly SheetSpec[], file: string): Promise<void> {
  const out = fs.createWriteStream(file)
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve)
    out.on('error', reject)
  })
  try {
    await writeXlsx(sheets, (chunk) => (out.write(chunk) ? undefined : new Promise<void>((resolve) => out.once('drain', resolve))))
  } finally {
    out.end()
  }
  await closed
}

/** The workbook as bytes, for small workbooks and tests. */
export async function workbookBuffer(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const parts: Buffer[] = []
  await writeXlsx(sheets, (chunk) => void parts.push(chunk))
  return Buffer.concat(parts)
}

// ───────────────────────────── values ─────────────────────────────

/** Text Excel (or a CSV opened in Excel) would run as a formula: = + - @, or a leading tab or CR. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text)
}

const dayMs = 86_400_000
const excelEpoch = Date.UTC(1899, 11, 30)

/** Days since Excel's epoch for a wall-clock time given as UTC fields. */
function serialOfWallClock(utcMs: number): number {
  return (utcMs - excelEpoch) / dayMs
}

/** 'YYYY-MM-DD' (or a Date whose UTC fields are the day) as an Excel serial. */
function dateSerial(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : Math.floor(serialOfWallClock(value.getTime()))
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null
  return m ? serialOfWallClock(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
}

/** An instant as the serial of its wall clock in this machine's zone, where the person reading the file is. */
function dateTimeSerial(value: unknown): number | null {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null
  if (!date || Number.isNaN(date.getTime())) return null
  return serialOfWallClock(date.getTime() - date.getTimezoneOffset() * 60_000)
}

// ───────────────────────────── styles ─────────────────────────────

const currencyFormats: Record<Currency, string> = {
  CNY: '"¥"#,##0.00',
  USD: '"$"#,##0.00',
  EUR: '"€"#,##0.00',
  HKD: '"HK$"#,##0.00',
  JPY: '"JP¥"#,##0',
  GBP: '"£"#,##0.00',
}
const currencies = Object.keys(currencyFormats) as Currency[]

/** Cell style indexes in styles.xml, in the order cellXfs lists them. */
const Style = { plain: 0, header: 1, date: 2, dateTime: 3, percent: 4, quotedText: 5, currency: 6 } as const
const currencyStyle = (currency: Currency) => Style.currency + currencies.indexOf(currency)

function stylesXml(): string {
  const numFmts = [
    '<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>',
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/>',
    ...currencies.map((c, i) => `<numFmt numFmtId="${166 + i}" formatCode="${escapeXml(currencyFormats[c])}"/>`),
  ]
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>',
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    // quotePrefix: Excel keeps the cell text even when someone edits it and presses Enter.
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>',
    ...currencies.map((_, i) => `<xf numFmtId="${166 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`),
  ]
  return `${xmlHead}<styleSheet xmlns="${mainNs}">
<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>
<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><scheme val="minor"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`
}

// ───────────────────────────── sheet XML ─────────────────────────────

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const maxRows = 1_048_576

export function escapeXml(text: string): string {
  // Everything outside XML's characters (controls but tab and line ends; U+FFFE, U+FFFF) is escaped too.
  return text.replace(/[&<>"]|[^\t\n\r\u0020-\ufffd]/g, (ch) => {
    if (ch === '&') return '&amp;'
    if (ch === '<') return '&lt;'
    if (ch === '>') return '&gt;'
    if (ch === '"') return '&quot;'
    // Characters XML cannot carry travel as Excel's own _xHHHH_ escape.
    return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`
  })
}

function columnLetters(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    letters = String.fromCharCode(65 + rem) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/** Width in Excel characters: CJK characters count twice. */
function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e7f ? 2 : 1
  return width
}

const typeWidths: Partial<Record<ColumnType, number>> = { date: 12, datetime: 17, currency: 14, percent: 8, boolean: 6 }

function fittedWidth(column: SheetColumn, sample: readonly Record<string, unknown>[]): number {
  if (column.width !== undefined) return column.width
  const longest = Math.max(
    displayWidth(column.header) + 3,
    typeWidths[column.type as ColumnType] ?? 0,
    ...sample.map((row) => {
      const value = row[column.key]
      return typeof value === 'string' ? displayWidth(value) + 1 : 0
    }),
  )
  return Math.min(60, Math.max(8, longest))
}

function textCell(ref: string, text: string, style: number): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''
  return `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ''}><is><t${space}>${escapeXml(text)}</t></is></c>`
}

function numberCell(ref: string, value: number, style: number): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>`
}

function currencyOf(column: SheetColumn, row: Record<string, unknown>): Currency {
  const spec = column.currency
  if (typeof spec === 'string') return spec
  const named = spec ? row[spec.field] : undefined
  return typeof named === 'string' && named in currencyFormats ? (named as Currency) : 'CNY'
}

/** One cell's XML: typed by the column, falling back on the value's own kind. */
function cellXml(ref: string, column: SheetColumn, row: Record<string, unknown>): string {
  const value = row[column.key]
  if (value === null || value === undefined || value === '') return ''
  switch (column.type) {
    case 'date': {
      const serial = dateSerial(value)
      if (serial !== null) return numberCell(ref, serial, Style.date)
      break
    }
    case 'datetime': {
      const serial = dateTimeSerial(value)
      if (serial !== null) return numberCell(ref, serial, Style.dateTime)
      break
    }
    case 'currency':
      if (typeof value === 'number' && Number.isFinite(value)) return numberCell(ref, value, currencyStyle(currencyOf(column, row)))
      break
    case 'percent':
      if (typeof value === 'number' && Number.isFinite(value)) return numberCell(ref, value / 100, Style.percent)
      break
  }
  if (typeof value === 'number') return Number.isFinite(value) ? numberCell(ref, value, Style.plain) : ''
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`
  if (value instanceof Date) {
    const serial = dateTimeSerial(value)
    return serial === null ? '' : numberCell(ref, serial, Style.dateTime)
  }
  const text = String(value)
  return textCell(ref, text, looksLikeFormula(text) ? Style.quotedText : Style.plain)
}

interface ListRange {
  readonly column: number
  /** The hidden lists sheet's range that holds this column's options. */
  readonly source: string
}

/** Where each column's dropdown options live on the hidden lists sheet. */
function listRanges(sheets: readonly SheetSpec[], listSheet: string): Map<SheetSpec, ListRange[]> {
  const ranges = new Map<SheetSpec, ListRange[]>()
  let listColumn = 0
  for (const sheet of sheets) {
    const own: ListRange[] = []
    sheet.columns.forEach((column, index) => {
      if (!column.options || column.options.length === 0) return
      const letters = columnLetters(listColumn++)
      own.push({ column: index, source: `'${listSheet}'!$${letters}$1:$${letters}$${column.options.length}` })
    })
    ranges.set(sheet, own)
  }
  return ranges
}

const widthSampleRows = 200

/** The sheet's XML in chunks of rows; the first rows are read ahead to fit the widths. */
function* sheetXml(sheet: SheetSpec, selected: boolean, lists: readonly ListRange[]): Generator<string> {
  const iterator = sheet.rows[Symbol.iterator]()
  const sample: Record<string, unknown>[] = []
  let next = iterator.next()
  for (; !next.done && sample.length < widthSampleRows; next = iterator.next()) sample.push(next.value)
  const letters = sheet.columns.map((_, i) => columnLetters(i))
  const lastColumn = letters.at(-1) ?? 'A'
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${fittedWidth(c, sample)}" customWidth="1"${c.hidden ? ' hidden="1"' : ''}/>`)
    .join('')
  yield `${xmlHead}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}"><sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>`
  yield '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
  yield `</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`
  yield `<row r="1">${sheet.columns.map((c, i) => textCell(`${letters[i]}1`, c.header, Style.header)).join('')}</row>`

  let r = 1
  let buffer = ''
  const writeRow = (row: Record<string, unknown>) => {
    r++
    if (r > maxRows) throw new RangeError(`a sheet holds at most ${maxRows - 1} rows`)
    let cells = ''
    for (let i = 0; i < sheet.columns.length; i++) cells += cellXml(`${letters[i]}${r}`, sheet.columns[i]!, row)
    buffer += `<row r="${r}">${cells}</row>`
  }
  for (const row of sample) writeRow(row)
  for (; !next.done; next = iterator.next()) {
    writeRow(next.value)
    if (buffer.length > 256 * 1024) {
      yield buffer
      buffer = ''
    }
  }
  yield `${buffer}</sheetData>`
  if (sheet.columns.length > 0) yield `<autoFilter ref="A1:${lastColumn}${r}"/>`
  if (lists.length > 0) {
    const validations = lists.map(
      (list) =>
        `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${letters[list.column]}2:${letters[list.column]}${maxRows}"><formula1>${escapeXml(list.source)}</formula1></dataValidation>`,
    )
    yield `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`
  }
  yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  rowCounts.set(sheet, r)
}

/** Data rows each sheet ended with, for the filter's defined name (set when its XML is done). */
const rowCounts = new WeakMap<SheetSpec, number>()

// ───────────────────────────── package ─────────────────────────────

/** Sheet names: at most 31 characters, none of []:*?/\, unique regardless of case. */
function sheetNames(sheets: readonly SheetSpec[]): string[] {
  const used = new Set<string>()
  return sheets.map((sheet, i) => {
    const base = sheet.name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || `Sheet${i + 1}`
    let name = base
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`
    used.add(name.toLowerCase())
    return name
  })
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`

async function writeXlsx(specs: readonly SheetSpec[], sink: (chunk: Buffer) => void | Promise<void>): Promise<void> {
  const optionColumns = specs.flatMap((s) => s.columns.filter((c) => c.options && c.options.length > 0))
  const listSheet: SheetSpec | null = optionColumns.length > 0 ? { name: '_lists', hidden: true, columns: [], rows: [] } : null
  const sheets = listSheet ? [...specs, listSheet] : [...specs]
  const names = sheetNames(sheets)
  const ranges = listRanges(specs, names.at(-1)!)
  const zip = new ZipWriter(sink)

  await zip.add('[Content_Types].xml', contentTypes(sheets.length))
  await zip.add('_rels/.rels', packageRels)
  await zip.add('docProps/app.xml', `${xmlHead}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>商机工作台</Application></Properties>`)
  await zip.add('xl/styles.xml', stylesXml())
  await zip.add('xl/_rels/workbook.xml.rels', workbookRels(sheets.length))
  const firstVisible = sheets.findIndex((s) => !s.hidden)
  for (let i = 0; i < specs.length; i++) {
    await zip.add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(specs[i]!, i === firstVisible, ranges.get(specs[i]!) ?? []))
  }
  if (listSheet) await zip.add(`xl/worksheets/sheet${sheets.length}.xml`, listsSheetXml(optionColumns))
  await zip.add('xl/workbook.xml', workbookXml(sheets, names, firstVisible, listSheet))
  await zip.finish()
}

/** The hidden sheet holding dropdown options, one column per list. */
function listsSheetXml(columns: readonly SheetColumn[]): string {
  const height = Math.max(...columns.map((c) => c.options!.length))
  const rows: string[] = []
  for (let r = 0; r < height; r++) {
    const cells = columns.map((c, i) => (r < c.options!.length ? textCell(`${columnLetters(i)}${r + 1}`, c.options![r]!, 0) : '')).join('')
    rows.push(`<row r="${r + 1}">${cells}</row>`)
  }
  return `${xmlHead}<worksheet xmlns="${mainNs}"><sheetData>${rows.join('')}</sheetData></worksheet>`
}

function workbookXml(sheets: readonly SheetSpec[], names: readonly string[], activeTab: number, listSheet: SheetSpec | null): string {
  // The lists behind dropdowns are "very hidden": Excel's Unhide dialog does not offer them.
  const state = (s: SheetSpec) => (s === listSheet ? ' state="veryHidden"' : s.hidden ? ' state="hidden"' : '')
  const entries = sheets.map((s, i) => `<sheet name="${escapeXml(names[i]!)}" sheetId="${i + 1}"${state(s)} r:id="rId${i + 1}"/>`)
  const filters = sheets.flatMap((s, i) => {
    const rows = rowCounts.get(s)
    if (rows === undefined || s.columns.length === 0) return []
    const range = `${quoteSheet(names[i]!)}!$A$1:$${columnLetters(s.columns.length - 1)}$${rows}`
    return [`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(range)}</definedName>`]
  })
  return `${xmlHead}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><workbookPr/><bookViews><workbookView activeTab="${Math.max(0, activeTab)}"/></bookViews><sheets>${entries.join('')}</sheets>${
    filters.length > 0 ? `<definedNames>${filters.join('')}</definedNames>` : ''
  }</workbook>`
}

function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  )
  return `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>${sheets.join('')}</Types>`
}

const packageRels = `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${relNs}/extended-properties" Target="docProps/app.xml"/></Relationships>`

function workbookRels(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${relNs}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
  return `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.join('')}<Relationship Id="rId${sheetCount + 1}" Type="${relNs}/styles" Target="styles.xml"/></Relationships>`
}

/**
 * A zip archive written front to back: each entry is deflated as its text is
 * produced, its CRC and sizes follow it in a data descriptor, and the central
 * directory closes the file.
 */
class ZipWriter {
  private offset = 0
  private readonly directory: Buffer[] = []
  private entries = 0

  constructor(private readonly sink: (chunk: Buffer) => void | Promise<void>) {}

  private async emit(chunk: Buffer): Promise<void> {
    this.offset += chunk.length
    await this.sink(chunk)
  }

  async add(name: string, content: string | Iterable<string>): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8')
    const start = this.offset
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt16LE(0x0808, 6) // sizes in a data descriptor; UTF-8 names
    header.writeUInt16LE(8, 8)
    header.writeUInt32LE(dosStamp, 10)
    header.writeUInt16LE(nameBytes.length, 26)
    await this.emit(Buffer.concat([header, nameBytes]))

    const deflater = zlib.createDeflateRaw({ level: 6 })
    const compressed: Buffer[] = []
    let compressedSize = 0
    deflater.on('data', (chunk: Buffer) => {
      compressed.push(chunk)
      compressedSize += chunk.length
    })
    let crc = 0
    let size = 0
    const flush = async () => {
      for (const chunk of compressed.splice(0)) await this.emit(chunk)
    }
    for (const piece of typeof content === 'string' ? [content] : content) {
      const bytes = Buffer.from(piece, 'utf8')
      crc = zlib.crc32(bytes, crc)
      size += bytes.length
      await new Promise<void>((resolve) => (deflater.write(bytes) ? resolve() : deflater.once('drain', resolve)))
      await flush()
    }
    await new Promise<void>((resolve, reject) => {
      deflater.once('end', resolve)
      deflater.once('error', reject)
      deflater.end()
    })
    await flush()
    if (size > 0xffffffff || compressedSize > 0xffffffff) throw new RangeError('a workbook part passed 4 GB')

    const descriptor = Buffer.alloc(16)
    descriptor.writeUInt32LE(0x08074b50, 0)
    descriptor.writeUInt32LE(crc >>> 0, 4)
    descriptor.writeUInt32LE(compressedSize, 8)
    descriptor.writeUInt32LE(size, 12)
    await this.emit(descriptor)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0808, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(dosStamp, 12)
    central.writeUInt32LE(crc >>> 0, 16)
    central.writeUInt32LE(compressedSize, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(start, 42)
    this.directory.push(Buffer.concat([central, nameBytes]))
    this.entries++
  }

  async finish(): Promise<void> {
    const start = this.offset
    const directory = Buffer.concat(this.directory)
    await this.emit(directory)
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(this.entries, 8)
    end.writeUInt16LE(this.entries, 10)
    end.writeUInt32LE(directory.length, 12)
    end.writeUInt32LE(start, 16)
    await this.emit(end)
  }
}

/** 1980-01-01 00:00 as a DOS date (high word) and time (low word): the parts carry no meaningful timestamp. */
const dosStamp = ((1 << 5) | 1) << 16
