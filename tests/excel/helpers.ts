import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { detectTable, readWorkbook, type DetectedTable, type ReadOptions, type ReadResult, type SheetModel, type WorkbookModel } from '../../electron/core/excel'

/** The real-world files gathered for the import (see its README.md). */
export const fixturesRoot = fileURLToPath(new URL('../../../shared/fixtures/external/', import.meta.url))

export function fixturePath(relative: string): string {
  const file = path.join(fixturesRoot, relative)
  if (!fs.existsSync(file)) throw new Error(`fixture missing: ${file} (see ../shared/fixtures/external/README.md)`)
  return file
}

export function readFixture(relative: string, options?: ReadOptions): Promise<ReadResult> {
  return readWorkbook(fs.readFileSync(fixturePath(relative)), path.basename(relative), options)
}

export async function workbookOf(relative: string, options?: ReadOptions): Promise<WorkbookModel> {
  const result = await readFixture(relative, options)
  if (!result.ok) expect.fail(`${relative}: ${JSON.stringify(result.failure)}`)
  return result.workbook
}

export function sheetNamed(workbook: WorkbookModel, name?: string): SheetModel {
  const sheet = name === undefined ? workbook.sheets[0] : workbook.sheets.find((s) => s.name === name)
  if (!sheet) expect.fail(`no sheet ${name ?? '#1'} in ${workbook.sheets.map((s) => s.name).join(', ')}`)
  return sheet
}

export async function tableOf(relative: string, sheetName?: string): Promise<DetectedTable> {
  const result = detectTable(sheetNamed(await workbookOf(relative), sheetName))
  if (!result.ok) expect.fail(`${relative}: ${JSON.stringify(result.failure)}`)
  return result.table
}

/** A sheet built in the test, for layouts no fixture has. */
export function sheetOf(rows: SheetModel['rows'], merges: SheetModel['merges'] = []): SheetModel {
  return { name: 'Sheet1', hidden: false, rows, merges, truncated: false }
}
