/**
 * Bounds on the work one file may cause. They are checked against what the
 * file really holds (bytes inflated, cells present), never against what it
 * declares about itself: declared ranges and sizes are where malicious and
 * merely odd files lie.
 */
export interface ReadLimits {
  /** Size of the file itself. */
  readonly maxFileBytes: number
  /** Bytes a zipped workbook (xlsx, ods) may inflate to, all parts together. */
  readonly maxUnzippedBytes: number
  /** Data rows in one sheet; more is refused rather than silently cut. */
  readonly maxDataRows: number
  /** Non-empty cells in the whole workbook. */
  readonly maxCells: number
}

export const defaultReadLimits: ReadLimits = {
  maxFileBytes: 256 * 1024 * 1024,
  maxUnzippedBytes: 512 * 1024 * 1024,
  maxDataRows: 1_000_000,
  maxCells: 10_000_000,
}

/** Rows above the data a sheet may spend on titles, notes, a header and hint rows. */
const headerAllowanceRows = 50

/** The most rows read from one sheet: enough to see that a sheet is over the limit. */
export function maxSheetRows(limits: ReadLimits): number {
  return limits.maxDataRows + headerAllowanceRows
}
