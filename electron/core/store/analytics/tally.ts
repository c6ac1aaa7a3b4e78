/**
 * Group keys and sums for figures aggregated in JavaScript from one pass over
 * the rows, in the same order and with the same arithmetic as SQLite's
 * GROUP BY and total(), so a figure does not change with where it is summed.
 */

/**
 * A running sum with the Kahan–Babuška–Neumaier compensation SQLite's
 * total() uses: long sums of amounts in several currencies come out as SQLite
 * would give them.
 */
export class Total {
  private sum = 0
  private err = 0

  add(value: number): void {
    const t = this.sum + value
    this.err += Math.abs(this.sum) > Math.abs(value) ? this.sum - t + value : value - t + this.sum
    this.sum = t
  }

  get value(): number {
    return this.sum + this.err
  }
}

export type GroupKey = string | number | null

const utf8 = (text: string) => Buffer.from(text, 'utf8')

/** SQLite's order of GROUP BY keys: NULL first, then numbers, then text in UTF-8 byte order. */
export function compareKeys(a: GroupKey, b: GroupKey): number {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1
  if (typeof b === 'number') return 1
  return Buffer.compare(utf8(a), utf8(b))
}

/** A count and a sum per key; keys come back in SQLite's GROUP BY order. */
export class Tallies<K extends GroupKey> {
  private readonly groups = new Map<K, { count: number; amount: Total }>()

  add(key: K, amount: number): void {
    let group = this.groups.get(key)
    if (!group) this.groups.set(key, (group = { count: 0, amount: new Total() }))
    group.count++
    group.amount.add(amount)
  }

  rows(): { key: K; count: number; amount: number }[] {
    return [...this.groups]
      .sort(([a], [b]) => compareKeys(a, b))
      .map(([key, g]) => ({ key, count: g.count, amount: g.amount.value }))
  }
}
