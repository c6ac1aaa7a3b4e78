import type { Database } from 'better-sqlite3'

/**
 * Sets accounts' lifecycles to what their deals and contracts say now (the
 * account_lifecycles view of migration 006). Returns how many changed.
 */
export function refreshLifecycles(db: Database, accountIds?: readonly (number | null)[]): number {
  const ids = accountIds?.filter((id): id is number => id !== null)
  if (ids !== undefined && ids.length === 0) return 0
  const only = ids === undefined ? '' : 'AND accounts.id IN (SELECT value FROM json_each(?))'
  return db
    .prepare(
      `UPDATE accounts SET lifecycle = v.lifecycle FROM account_lifecycles v
       WHERE v.id = accounts.id AND accounts.lifecycle IS NOT v.lifecycle ${only}`,
    )
    .run(...(ids === undefined ? [] : [JSON.stringify(ids)])).changes
}
