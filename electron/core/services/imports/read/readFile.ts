import { isBlank } from '../../../../../shared/coerce'
import { WorkbookRefusal, type ImportFailure } from '../../../excel/failures'
import { identify } from '../../../excel/identify'
import { defaultReadLimits, type ReadLimits } from '../../../excel/limits'
import type { WorkbookModel } from '../../../excel/model'
import { readWorkbook, type ReadResult } from '../../../excel/read'
import { readXlsxStreaming } from './xlsxWorkbook'

const holdsData = (workbook: WorkbookModel) => workbook.sheets.some((s) => s.rows.some((row) => row.some((v) => !isBlank(v))))

function failureOf(err: unknown): ImportFailure {
  if (err instanceof WorkbookRefusal) return { code: err.code, detail: err.detail }
  if (err instanceof RangeError) return { code: 'TOO_LARGE', detail: err.message }
  return { code: 'UNREADABLE', detail: err instanceof Error ? err.message : String(err) }
}

/**
 * Reads a file for import. An .xlsx is streamed sheet by sheet; every other
 * format (and an .xlsx the streaming reader cannot follow) goes through the
 * workbook reader. Both refuse the same things for the same reasons.
 */
export async function readForImport(
  bytes: Buffer,
  fileName: string,
  onFraction: (fraction: number) => void = () => {},
  limits: ReadLimits = defaultReadLimits,
): Promise<ReadResult> {
  if (bytes.length === 0 || bytes.length > limits.maxFileBytes) return readWorkbook(bytes, fileName, { limits })
  let source
  try {
    source = await identify(bytes, fileName, limits)
  } catch (err) {
    return { ok: false, failure: failureOf(err) }
  }
  if (source.kind === 'sheetjs' && source.format === 'xlsx') {
    try {
      const workbook = await readXlsxStreaming(bytes, limits, onFraction)
      if (holdsData(workbook)) return { ok: true, workbook }
      return { ok: false, failure: { code: 'EMPTY_WORKBOOK' } }
    } catch (err) {
      if (err instanceof WorkbookRefusal && err.code !== 'CORRUPT') return { ok: false, failure: failureOf(err) }
      // An .xlsx laid out in a way this reader does not follow still gets the full reader's chance.
    }
  }
  return readWorkbook(bytes, fileName, { limits, onProgress: (p) => onFraction(p.fraction) })
}
