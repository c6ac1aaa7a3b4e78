import type { Database } from 'better-sqlite3'
import { normalizeCompanyName } from '../domain/normalize'
import { escapeLike } from './like'

/** Account picker: prefix matches first, then anywhere in the name or its normalised form. */
export function lookupAccounts(db: Database, query: string, limit: number): { id: number; name: string }[] {
  const escaped = escapeLike(query)
  const norm = escapeLike(normalizeCompanyName(query))
  return db
    .prepare(
      `SELECT id, name FROM accounts
       WHERE deleted_at IS NULL AND (name LIKE ? ESCAPE '\\' OR name_norm LIKE ? ESCAPE '\\')
       ORDER BY CASE WHEN name LIKE ? ESCAPE '\\' THEN 0 ELSE 1 END, name LIMIT ?`,
    )
    .all(`%${escaped}%`, `%${norm}%`, `${escaped}%`, limit) as { id: number; name: string }[]
}
