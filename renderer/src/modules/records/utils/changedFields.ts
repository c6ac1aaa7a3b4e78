/**
 * The form values that differ from the record's: the patch a save sends.
 * Blanks and cleared pickers (undefined) mean "no value" (null).
 */
export function changedFields<T extends Record<string, unknown>>(record: Readonly<Record<string, unknown>>, values: T): Partial<T> {
  const changed: Partial<T> = {}
  for (const [key, raw] of Object.entries(values) as [keyof T & string, unknown][]) {
    const value = typeof raw === 'string' ? raw.trim() || null : (raw ?? null)
    if (value !== (record[key] ?? null)) changed[key] = value as T[keyof T & string]
  }
  return changed
}
