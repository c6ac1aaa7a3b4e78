import type { ReadLimits } from '../../../excel/limits'
import { maxSheetRows } from '../../../excel/limits'
import type { SheetModel, WorkbookModel } from '../../../excel/model'
import { readWorkbookParts, ZipParts } from './xlsxParts'
import { readSheetRows } from './xlsxSheet'

/** 0–1 through the sheets' XML, by bytes read against the parts' declared sizes. */
export type FractionListener = (fraction: number) => void

/**
 * Reads an .xlsx (already identified and checked against the limits) sheet
 * by sheet, streaming each worksheet part: the alternative to SheetJS's
 * whole-workbook read, which needs several times the memory and time on a
 * 100k-row file. The model is the one the rest of the import works on.
 */
export async function readXlsxStreaming(bytes: Buffer, limits: ReadLimits, onFraction: FractionListener = () => {}): Promise<WorkbookModel> {
  const parts = new ZipParts(bytes)
  const book = await readWorkbookParts(parts)
  const total = book.sheets.reduce((sum, s) => sum + (parts.entry(s.part)?.declaredSize ?? 0), 0) || 1
  let read = 0
  async function* counted(part: string): AsyncGenerator<string> {
    for await (const chunk of parts.textChunks(part)) {
      read += Buffer.byteLength(chunk)
      onFraction(Math.min(1, read / total))
      yield chunk
    }
  }
  const sheets: SheetModel[] = []
  for (const sheet of book.sheets) {
    const { rows, merges, truncated } = await readSheetRows(counted(sheet.part), book, maxSheetRows(limits))
    sheets.push({ name: sheet.name, hidden: sheet.hidden, rows, merges, truncated })
  }
  onFraction(1)
  return { format: 'xlsx', date1904: book.date1904, sheets }
}
