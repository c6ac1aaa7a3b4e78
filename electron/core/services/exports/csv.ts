import fs from 'node:fs'
import { looksLikeFormula, type SheetColumn } from '../../excel/write'

const pad = (n: number) => String(n).padStart(2, '0')

/** An instant as this machine's wall clock, as Excel would show it. */
function localDateTime(value: unknown): string | null {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null
  if (!date || Number.isNaN(date.getTime())) return null
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

/** A cell as CSV text: dates as dates, percentages with their sign, text that could run as a formula quoted away. */
function csvText(column: SheetColumn, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (column.type === 'datetime') return localDateTime(value) ?? String(value)
  if (column.type === 'percent' && typeof value === 'number') return `${value}%`
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  const text = String(value)
  // Excel opens a CSV by evaluating cells that look like formulas; an apostrophe makes them text (imports strip it).
  return typeof value === 'string' && looksLikeFormula(text) ? `'${text}` : text
}

function quoted(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * A CSV Excel opens correctly on Chinese and Western Windows alike: UTF-8
 * with a byte-order mark, CRLF line ends, every field that needs it quoted.
 */
export async function writeCsv(columns: readonly SheetColumn[], rows: Iterable<Record<string, unknown>>, file: string): Promise<number> {
  const out = fs.createWriteStream(file)
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve)
    out.on('error', reject)
  })
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve)))
  let count = 0
  try {
    await write(`\ufeff${columns.map((c) => quoted(c.header)).join(',')}\r\n`)
    let buffer = ''
    for (const row of rows) {
      buffer += `${columns.map((c) => quoted(csvText(c, row[c.key]))).join(',')}\r\n`
      count++
      if (buffer.length > 256 * 1024) {
        await write(buffer)
        buffer = ''
      }
    }
    await write(buffer)
  } finally {
    out.end()
  }
  await closed
  return count
}
