import path from 'node:path'
import * as XLSX from 'xlsx'
import { odsCellCounter } from './cellCount'
import { sniffDelimiter, type Delimiter } from './delimited'
import { WorkbookRefusal } from './failures'
import type { ReadLimits } from './limits'
import type { WorkbookFormat } from './model'
import { decodeText, looksBinary, type DecodedText } from './textEncoding'
import { listZipEntries, readSmallEntry } from './zip'
import { checkZipBudget } from './zipBudget'

/** What the bytes really are, whatever the file is called. */
export type Identified =
  | { readonly kind: 'sheetjs'; readonly format: Exclude<WorkbookFormat, 'csv'> }
  | { readonly kind: 'delimited'; readonly decoded: DecodedText; readonly delimiter: Delimiter; readonly skipFirstLine: boolean }

const startsWith = (bytes: Buffer, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b)
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** Excel 2–4 worksheets (and bare BIFF5/8 streams) are BIFF records with no container: a BOF record first. */
function isBareBiff(bytes: Buffer): boolean {
  return bytes[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(bytes[1]!) && bytes.length > 4 && bytes.readUInt16LE(2) <= 20
}

const spreadsheetExtensions = new Set(['.xls', '.xlsx', '.xlsm', '.xlsb', '.xlt', '.xltx', '.xltm', '.et', '.ett', '.ods', '.fods'])
const textExtensions = new Set(['.csv', '.tsv', '.txt', '.tab', '.prn'])
const extensionOf = (fileName: string) => path.extname(fileName).toLowerCase()

async function identifyZip(bytes: Buffer, limits: ReadLimits): Promise<Identified> {
  const entries = listZipEntries(bytes)
  if (entries.some((e) => e.encrypted)) throw new WorkbookRefusal('ENCRYPTED', 'zip entries are encrypted')
  const names = entries.map((e) => e.name.toLowerCase())
  const mimetype = entries.find((e) => e.name === 'mimetype')
  let format: 'ods' | 'xlsx' | 'xlsb'
  if (mimetype) {
    const type = (await readSmallEntry(bytes, mimetype)).trim()
    if (!type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) throw new WorkbookRefusal('NOT_SPREADSHEET', type)
    format = 'ods'
  } else if (names.some((n) => /(^|\/)index(\.zip$|\/.*\.iwa$)/.test(n))) {
    // Apple Numbers: its tables sit in Snappy-compressed protobuf that no guard here can bound.
    throw new WorkbookRefusal('UNSUPPORTED_FORMAT', 'an Apple Numbers document')
  } else if (names.includes('[content_types].xml')) {
    if (names.some((n) => n.startsWith('word/') || n.startsWith('ppt/'))) throw new WorkbookRefusal('NOT_SPREADSHEET', 'an Office document')
    format = names.some((n) => n.endsWith('workbook.bin')) ? 'xlsb' : 'xlsx'
  } else throw new WorkbookRefusal('NOT_SPREADSHEET', 'a zip archive without a workbook')
  await checkZipBudget(bytes, entries, format, limits)
  return { kind: 'sheetjs', format }
}

/**
 * OLE compound files hold .xls workbooks, but also Word and PowerPoint
 * documents, and the encrypted package a password-protected .xlsx becomes.
 */
function identifyOle(bytes: Buffer, fileName: string): Identified {
  let streams: string[]
  try {
    streams = XLSX.CFB.read(bytes, { type: 'buffer' }).FullPaths.map((p: string) => p.split('/').filter(Boolean).pop()?.toLowerCase() ?? '')
  } catch (err) {
    throw new WorkbookRefusal('CORRUPT', `compound file unreadable: ${(err as Error).message}`)
  }
  if (streams.includes('encryptedpackage')) throw new WorkbookRefusal('ENCRYPTED', 'an encrypted OOXML package')
  if (streams.includes('workbook') || streams.includes('book')) return { kind: 'sheetjs', format: 'xls' }
  if (streams.includes('worddocument') || streams.includes('powerpoint document')) {
    throw new WorkbookRefusal('NOT_SPREADSHEET', 'a Word or PowerPoint document')
  }
  // No workbook stream: a damaged .xls, or some other OLE file given a spreadsheet's name.
  const damaged = spreadsheetExtensions.has(extensionOf(fileName))
  throw new WorkbookRefusal(damaged ? 'CORRUPT' : 'NOT_SPREADSHEET', 'compound file without a workbook stream')
}

function identifyMarkup(decoded: DecodedText, limits: ReadLimits): Identified {
  const head = decoded.text.slice(0, 64 * 1024)
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return { kind: 'sheetjs', format: 'spreadsheetml' }
  if (/office:document[\s>]/.test(head) && head.includes('opendocument.spreadsheet')) {
    const counter = odsCellCounter()
    counter.feed(decoded.text)
    if (counter.cells() > limits.maxCells) throw new WorkbookRefusal('TOO_LARGE', `more than ${limits.maxCells} cells`)
    return { kind: 'sheetjs', format: 'fods' }
  }
  if (/<(?:!doctype\s+html|html|table)[\s>]/i.test(head)) return { kind: 'sheetjs', format: 'html' }
  throw new WorkbookRefusal('NOT_SPREADSHEET', 'XML that is not a spreadsheet')
}

/**
 * Text is a table when a delimiter splits its lines consistently. A file
 * named .csv may be a single column; a file named .xls must prove it is a
 * table, or it is the error message a failed download left behind.
 */
function identifyText(bytes: Buffer, fileName: string, limits: ReadLimits): Identified {
  if (looksBinary(bytes)) throw new WorkbookRefusal('NOT_SPREADSHEET', 'binary data')
  const decoded = decodeText(bytes)
  if (decoded.text.trimStart().startsWith('<')) return identifyMarkup(decoded, limits)
  const sniffed = sniffDelimiter(decoded.text)
  const extension = extensionOf(fileName)
  if (sniffed) return { kind: 'delimited', decoded, ...sniffed }
  if (textExtensions.has(extension)) {
    return { kind: 'delimited', decoded, delimiter: extension === '.tsv' ? '\t' : ',', skipFirstLine: false }
  }
  throw new WorkbookRefusal('NOT_SPREADSHEET', 'text without columns')
}

/** Decides the real format from the bytes, and refuses what must not reach a parser. */
export async function identify(bytes: Buffer, fileName: string, limits: ReadLimits): Promise<Identified> {
  if (startsWith(bytes, ZIP)) return identifyZip(bytes, limits)
  if (startsWith(bytes, OLE)) return identifyOle(bytes, fileName)
  if (isBareBiff(bytes)) return { kind: 'sheetjs', format: 'xls' }
  return identifyText(bytes, fileName, limits)
}
