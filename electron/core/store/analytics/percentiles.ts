/** Median, 80th percentile and mean of a list of values. */
export interface Spread {
  n: number
  median: number | null
  p80: number | null
  mean: number | null
}

/**
 * Median (mean of the two middle values when the count is even), 80th
 * percentile (nearest rank) and mean. Computed here rather than with SQL
 * window functions: sorting a few thousand numbers in JavaScript costs less
 * than SQLite's two sorting passes over the same rows.
 */
export function spreadOf(values: number[]): Spread {
  const n = values.length
  if (n === 0) return { n, median: null, p80: null, mean: null }
  // A typed array sorts numbers natively, several times faster than a comparator over a plain array.
  const sorted = Float64Array.from(values).sort()
  const median = (sorted[Math.floor((n - 1) / 2)]! + sorted[Math.floor(n / 2)]!) / 2
  const p80 = sorted[Math.floor((8 * n + 9) / 10) - 1]!
  return { n, median, p80, mean: sorted.reduce((sum, v) => sum + v, 0) / n }
}
