import fs from 'node:fs'
import path from 'node:path'
import type { MethodInput } from '../../shared/api'
import type { ImportReport } from '../../shared/methods/imports'
import { workbookBuffer, type SheetColumn } from '../../electron/core/excel/write'
import { fixturePath } from '../excel/helpers'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'

export { fixturePath }

/** A workspace whose dialogs "picked" every file the test writes or names. */
export async function importWorkspace(): Promise<TestWorkspace & { file(name: string, content: string | Buffer): string; allow(file: string): string }> {
  const ws = await openWorkspace()
  return {
    ...ws,
    file(name, content) {
      const file = path.join(ws.dir, name)
      fs.writeFileSync(file, content)
      ws.core.paths.allow(file)
      return file
    },
    allow(file) {
      ws.core.paths.allow(file)
      return file
    },
  }
}

/** An .xlsx with one sheet: the first row the headers, values as given (Dates stay dates). */
export function xlsxOf(rows: readonly (readonly unknown[])[], sheet = 'Sheet1'): Promise<Buffer> {
  const [headers, ...data] = rows
  const columns: SheetColumn[] = headers!.map((h, i) => ({ key: `c${i}`, header: String(h), type: 'text' }))
  return workbookBuffer([{ name: sheet, columns, rows: data.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v]))) }])
}

/** A UTF-8 CSV from rows of cells. */
export function csvOf(rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v)
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n')
}

type Request = MethodInput<'imports.preview'>

/** Preview then commit the same request, returning both reports. */
export async function previewAndCommit(ws: TestWorkspace, request: Request): Promise<{ preview: ImportReport; commit: ImportReport }> {
  const preview = await ws.call('imports.preview', request)
  const commit = await ws.call('imports.commit', request)
  return { preview, commit }
}

/** Everything a test compares to tell that nothing was written. */
export function snapshot(ws: TestWorkspace): string {
  const db = ws.core.db
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
  return JSON.stringify(
    ['opportunities', 'accounts', 'contacts', 'leads', 'users', 'stages', 'picklists', 'audit_log', 'stage_history', 'import_batches', 'import_batch_rows'].map(
      (t) => [t, count(t)],
    ),
  )
}

export const rowsOf = (ws: TestWorkspace, sql: string, ...params: unknown[]) => ws.core.db.prepare(sql).all(...params) as Record<string, unknown>[]
