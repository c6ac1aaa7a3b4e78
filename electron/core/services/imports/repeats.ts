/** Past this many distinct texts a column is taken to hold names, phones or ids, and its texts are kept as they come. */
const MAX_DISTINCT = 2000

/**
 * One copy of each text that repeats down a column. An import's columns
 * mostly repeat a few values (stages, owners, sources, a currency, a stock
 * remark), and a 100k-row sheet would otherwise hold each as 100k separate
 * strings, in the reader and again in the drafts the main thread receives.
 * A column with many distinct texts is let go, so unique values cost nothing.
 */
export class RepeatedTexts {
  private readonly columns = new Map<string | number, Map<string, string> | null>()

  /** The copy of `text` this column already holds, else `keep(text)`, remembered. */
  shared(column: string | number, text: string, keep: (text: string) => string = (t) => t): string {
    let texts = this.columns.get(column)
    if (texts === null) return keep(text)
    if (!texts) this.columns.set(column, (texts = new Map()))
    const known = texts.get(text)
    if (known !== undefined) return known
    const kept = keep(text)
    if (texts.size >= MAX_DISTINCT) this.columns.set(column, null)
    else texts.set(kept, kept)
    return kept
  }

  /** The record with each text field replaced by its shared copy (in place). */
  share(values: Record<string, unknown>): void {
    for (const key in values) {
      const value = values[key]
      if (typeof value === 'string') values[key] = this.shared(key, value)
    }
  }
}
