import { WorkbookRefusal } from './failures'

/** A tag cut in two by a chunk boundary is carried to the next chunk; one longer than this is not XML we read. */
const maxPendingTag = 1024 * 1024

/**
 * Runs a global tag pattern over XML fed in chunks of any size, carrying a
 * tag that a chunk boundary cut in two. No document is ever built.
 */
function chunkedScanner(pattern: RegExp, onMatch: (match: RegExpExecArray) => void): (chunk: string) => void {
  let pending = ''
  return (chunk) => {
    const text = pending + chunk
    const lastOpen = text.lastIndexOf('<')
    const complete = lastOpen !== -1 && text.indexOf('>', lastOpen) === -1 ? lastOpen : text.length
    const scanned = text.slice(0, complete)
    pattern.lastIndex = 0
    for (let m = pattern.exec(scanned); m; m = pattern.exec(scanned)) onMatch(m)
    pending = text.slice(complete)
    if (pending.length > maxPendingTag) throw new WorkbookRefusal('CORRUPT', 'an XML tag longer than 1 MB')
  }
}

export interface CellCounter {
  feed(chunk: string): void
  /** Cells the part fed so far expands to when parsed. */
  cells(): number
}

/** SpreadsheetML (xlsx) holds one `<c>` element per cell, whatever prefix its namespace uses. */
export function ooxmlCellCounter(): CellCounter {
  let cells = 0
  const feed = chunkedScanner(/<(?:[\w.-]+:)?c[\s/>]/g, () => cells++)
  return { feed, cells: () => cells }
}

const rowsRepeated = /number-rows-repeated\s*=\s*["'](\d+)/
const columnsRepeated = /number-columns-repeated\s*=\s*["'](\d+)/
const repeatOf = (attributes: string, pattern: RegExp) => Number(pattern.exec(attributes)?.[1] ?? 1)

/**
 * OpenDocument compresses runs with number-rows-repeated and
 * number-columns-repeated. Empty runs cost a parser nothing, but a run with a
 * value is expanded cell by cell: 999,999,999 × 999,999,999 of them fit in a
 * 1 KB file. Count what the expansion would create before anything expands it.
 */
export function odsCellCounter(): CellCounter {
  let cells = 0
  let rowRepeat = 1
  const feed = chunkedScanner(/<(?:[\w.-]+:)?(table-row|table-cell)(?=[\s/>])([^>]*)>/g, ([, name, attributes = '']) => {
    if (name === 'table-row') rowRepeat = repeatOf(attributes, rowsRepeated)
    // A self-closing cell without a value type is an empty run; anything else holds content.
    else if (!attributes.endsWith('/') || attributes.includes('value-type')) {
      cells += rowRepeat * repeatOf(attributes, columnsRepeated)
    }
  })
  return { feed, cells: () => cells }
}
