import path from 'node:path'
import { isBlank } from '../../../shared/coerce'
import { parseDelimited } from './delimited'
import { WorkbookRefusal, type ImportFailure } from './failures'
import { identify, type Identified } from './identify'
import { defaultReadLimits, maxSheetRows, type ReadLimits } from './limits'
import type { SheetModel, WorkbookModel } from './model'
import { readWithSheetJs } from './sheetjs'

export type ReadResult = { readonly ok: true; readonly workbook: WorkbookModel } | { readonly ok: false; readonly failure: ImportFailure }

export interface ReadProgress {
  readonly phase: 'checking' | 'parsing' | 'collecting'
  /** 0–1 within the whole read. */
  readonly fraction: number
}

export interface ReadOptions {
  readonly limits?: Partial<ReadLimits>
  readonly onProgress?: (progress: ReadProgress) => void
}

function readDelimited(source: Extract<Identified, { kind: 'delimited' }>, fileName: string, limits: ReadLimits): WorkbookModel {
  const { decoded, delimiter, skipFirstLine } = source
  const text = skipFirstLine ? decoded.text.replace(/^[^\r\n]*(\r\n|\r|\n)/, '') : decoded.text
  const parsed = parseDelimited(text, delimiter, maxSheetRows(limits), limits.maxCells)
  const sheet: SheetModel = {
    name: path.basename(fileName, path.extname(fileName)),
    hidden: false,
    rows: parsed.rows,
    merges: [],
    truncated: parsed.truncated,
  }
  return { format: 'csv', date1904: false, text: { encoding: decoded.encoding, delimiter }, sheets: [sheet] }
}

const holdsData = (sheet: SheetModel) => sheet.rows.some((row) => row.some((value) => !isBlank(value)))

function failureOf(err: unknown): ImportFailure {
  if (err instanceof WorkbookRefusal) return { code: err.code, detail: err.detail }
  // Out of string or buffer space while parsing: the file is bigger than memory allows.
  if (err instanceof RangeError) return { code: 'TOO_LARGE', detail: err.message }
  return { code: 'UNREADABLE', detail: err instanceof Error ? err.message : String(err) }
}

/**
 * Reads a workbook file into the neutral model, or says in one stable code
 * why it cannot. Never throws: every parser error, however odd the file,
 * becomes an ImportFailure. The format comes from the bytes, not the name.
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ReadResult> {
  const limits: ReadLimits = { ...defaultReadLimits, ...options.limits }
  const report = options.onProgress ?? (() => {})
  try {
    if (bytes.length === 0) throw new WorkbookRefusal('EMPTY_WORKBOOK', 'zero bytes')
    if (bytes.length > limits.maxFileBytes) throw new WorkbookRefusal('TOO_LARGE', `file is ${bytes.length} bytes`)
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    report({ phase: 'checking', fraction: 0 })
    const source = await identify(buffer, fileName, limits)
    report({ phase: 'parsing', fraction: 0.2 })
    const workbook =
      source.kind === 'delimited'
        ? readDelimited(source, fileName, limits)
        : readWithSheetJs(buffer, source.format, limits, (done, total) =>
            report({ phase: 'collecting', fraction: 0.8 + (0.2 * done) / total }),
          )
    if (!workbook.sheets.some(holdsData)) throw new WorkbookRefusal('EMPTY_WORKBOOK')
    return { ok: true, workbook }
  } catch (err) {
    return { ok: false, failure: failureOf(err) }
  }
}
