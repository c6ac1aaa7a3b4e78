import path from 'node:path'
import type { Locale } from '../../../../shared/enums'
import type { WrittenFile } from '../../../../shared/methods/imports'
import type { Core } from '../../core'
import { writeWorkbook, type SheetColumn } from '../../excel/write'
import { outputPath } from '../exports/files'
import type { Plan } from './plan'
import type { Prepared } from './prepare'

const reasonHeader: Record<Locale, string> = { 'zh-CN': '错误原因', en: 'Reason' }
const rowHeader: Record<Locale, string> = { 'zh-CN': '原行号', en: 'Row' }
const fileSuffix: Record<Locale, string> = { 'zh-CN': '错误行', en: 'error-rows' }

/**
 * The rejected rows as they were in the file, under the file's own headers,
 * with the row number and every reason beside them: fix them in Excel and
 * import this workbook on its own.
 */
export async function writeErrorRows(core: Core, chosen: string | undefined, prepared: Prepared, plan: Plan, locale: Locale): Promise<WrittenFile> {
  const headers = prepared.columnHeaders
  const columns: SheetColumn[] = [
    ...headers.map((header, i) => ({ key: `c${i}`, header: header || `#${i + 1}`, type: 'text' as const })),
    { key: 'reason', header: reasonHeader[locale], type: 'text', width: 60 },
    { key: 'row', header: rowHeader[locale], type: 'number', width: 8 },
  ]
  const rows = prepared.drafts
    .filter((draft) => plan.rejected.has(draft.row))
    .map((draft) => {
      const row: Record<string, unknown> = { row: draft.row }
      draft.cells?.forEach((value, i) => (row[`c${i}`] = value))
      row.reason = plan.rejected
        .get(draft.row)!
        .map((issue) => (issue.column ? `${issue.column}: ${issue.message}` : issue.message))
        .join('\n')
      return row
    })
  const base = path.basename(prepared.inspection.fileName, path.extname(prepared.inspection.fileName))
  const file = outputPath(core, chosen, `${base}-${fileSuffix[locale]}`, 'xlsx')
  await writeWorkbook([{ name: prepared.inspection.sheet, columns, rows }], file)
  return { path: file, fileName: path.basename(file), rows: rows.length }
}
