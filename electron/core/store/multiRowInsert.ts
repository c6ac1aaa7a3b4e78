import type { Database } from 'better-sqlite3'
import { cachedStatement } from './statementCache'

/**
 * Writes rows through `INSERT INTO table (columns) VALUES (…), (…), …`,
 * `perStatement` rows per statement, in order. Bulk writes of narrow rows
 * spend more on running one statement per row than on the rows themselves.
 */
export function insertRows(db: Database, into: string, rows: readonly (readonly unknown[])[], perStatement: number): void {
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement)
    const tuple = `(${chunk[0]!.map(() => '?').join(', ')})`
    cachedStatement(db, `INSERT INTO ${into} VALUES ${Array(chunk.length).fill(tuple).join(', ')}`).run(...chunk.flat())
  }
}
