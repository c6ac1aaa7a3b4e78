import { odsCellCounter, ooxmlCellCounter, type CellCounter } from './cellCount'
import { WorkbookRefusal } from './failures'
import type { ReadLimits } from './limits'
import type { WorkbookFormat } from './model'
import { entryChunks, type ZipEntry } from './zip'

function counterFor(format: WorkbookFormat, entryName: string): CellCounter | null {
  const name = entryName.toLowerCase()
  if (format === 'ods') return name === 'content.xml' ? odsCellCounter() : null
  return format === 'xlsx' && name.endsWith('.xml') ? ooxmlCellCounter() : null
}

/**
 * Refuses a zipped workbook that would cost more than the limits allow,
 * before a parser inflates it all into memory: first by what the archive
 * declares (instant for an honest zip bomb), then by inflating each part as a
 * stream and counting real bytes and cells (for one that lies about sizes).
 */
export async function checkZipBudget(bytes: Buffer, entries: readonly ZipEntry[], format: WorkbookFormat, limits: ReadLimits) {
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0)
  if (declared > limits.maxUnzippedBytes) {
    throw new WorkbookRefusal('TOO_LARGE', `parts declare ${declared} bytes unzipped`)
  }
  let inflated = 0
  let cells = 0
  for (const entry of entries) {
    const counter = counterFor(format, entry.name)
    for await (const chunk of entryChunks(bytes, entry)) {
      inflated += chunk.length
      if (inflated > limits.maxUnzippedBytes) throw new WorkbookRefusal('TOO_LARGE', `parts inflate past ${limits.maxUnzippedBytes} bytes`)
      counter?.feed(chunk.toString('latin1'))
      if (cells + (counter?.cells() ?? 0) > limits.maxCells) throw new WorkbookRefusal('TOO_LARGE', `more than ${limits.maxCells} cells`)
    }
    cells += counter?.cells() ?? 0
  }
}
