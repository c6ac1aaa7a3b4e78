import fs from 'node:fs'
import * as XLSX from 'xlsx'

/** A part of an .xlsx (a zip) as text, e.g. 'xl/worksheets/sheet1.xml'. */
export function xlsxPart(file: string | Buffer, part: string): string {
  const archive = XLSX.CFB.read(typeof file === 'string' ? fs.readFileSync(file) : file, { type: 'buffer' })
  const entry = XLSX.CFB.find(archive, `/${part}`)
  if (!entry) throw new Error(`no part ${part}`)
  return Buffer.from(entry.content as Uint8Array).toString('utf8')
}

/** The workbook as SheetJS reads it, with number formats and dates. */
export function readBack(file: string | Buffer): XLSX.WorkBook {
  return XLSX.read(typeof file === 'string' ? fs.readFileSync(file) : file, { type: 'buffer', cellDates: true, cellNF: true, cellStyles: true })
}

/** The sheet's rows as arrays, headers first. */
export function rowsOfSheet(workbook: XLSX.WorkBook, sheet = workbook.SheetNames[0]!): unknown[][] {
  return XLSX.utils.sheet_to_json(workbook.Sheets[sheet]!, { header: 1, raw: true, defval: null })
}
