/**
 * Tab-separated text as Excel and WPS put it on the clipboard: cells split by
 * tabs, rows by CRLF (or LF, or CR), and a cell that holds a tab, a line break
 * or a double quote wrapped in quotes with inner quotes doubled.
 */

/** Parses clipboard text into rows of cells; a trailing line break adds no row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  const n = text.length
  // An empty clipboard is one empty cell, not zero cells: pasting it clears.
  if (n === 0) return [['']]
  while (i <= n) {
    const { value, next } = readCell(text, i)
    row.push(value)
    i = next
    if (i >= n) {
      rows.push(row)
      break
    }
    const ch = text[i]
    if (ch === '\t') {
      i += 1
      // A row that ends in a tab has one more (empty) cell.
      if (i === n) {
        row.push('')
        rows.push(row)
        break
      }
      continue
    }
    // A line break ends the row; CRLF counts once.
    i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    rows.push(row)
    row = []
    if (i >= n) break
  }
  return padRows(rows)
}

function readCell(text: string, start: number): { value: string; next: number } {
  if (text[start] === '"') {
    const quoted = readQuoted(text, start)
    if (quoted) return quoted
  }
  let end = start
  while (end < text.length && text[end] !== '\t' && text[end] !== '\n' && text[end] !== '\r') end += 1
  return { value: text.slice(start, end), next: end }
}

/**
 * A quoted cell counts as quoted only if its closing quote is followed by a
 * tab, a line break or the end; otherwise (`"Best" deal`) the quotes are text.
 */
function readQuoted(text: string, start: number): { value: string; next: number } | null {
  let value = ''
  let i = start + 1
  while (i < text.length) {
    const ch = text[i]
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"'
        i += 2
        continue
      }
      const after = text[i + 1]
      if (after === undefined || after === '\t' || after === '\n' || after === '\r') return { value, next: i + 1 }
      return null
    }
    value += ch
    i += 1
  }
  return null
}

/** Short rows (Excel omits nothing, but other apps do) are padded to the widest. */
function padRows(rows: string[][]): string[][] {
  const width = Math.max(1, ...rows.map((r) => r.length))
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r))
}

/** Quotes a cell only when Excel would have to: it holds a tab, a line break or a quote. */
export function tsvCell(value: string): string {
  return /[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Rows of cells as clipboard text, CRLF between rows as Excel writes it. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(tsvCell).join('\t')).join('\r\n')
}

/**
 * Repeats a clip over a larger selection the way Excel does: only when the
 * selection is a whole multiple of the clip in both directions.
 */
export function tileClip(clip: string[][], selectionRows: number, selectionCols: number): string[][] {
  const clipRows = clip.length
  const clipCols = clip[0]?.length ?? 0
  if (clipRows === 0 || clipCols === 0) return clip
  const fitsRows = selectionRows >= clipRows && selectionRows % clipRows === 0
  const fitsCols = selectionCols >= clipCols && selectionCols % clipCols === 0
  if (!fitsRows || !fitsCols || (selectionRows === clipRows && selectionCols === clipCols)) return clip
  return Array.from({ length: selectionRows }, (_, r) =>
    Array.from({ length: selectionCols }, (_, c) => clip[r % clipRows]![c % clipCols]!),
  )
}
