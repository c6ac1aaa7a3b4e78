import type { Database } from 'better-sqlite3'
import { cachedStatement } from '../statementCache'

/** Rates that turn each currency into the base one, as set in Settings. */

export function listRates(db: Database): { currency: string; rate: number }[] {
  // Read for every amount-bearing dashboard query (sql.ts currencyFactor), so compiled once.
  return cachedStatement(db, 'SELECT currency, rate FROM currency_rates ORDER BY currency').all() as { currency: string; rate: number }[]
}

export function putRate(db: Database, currency: string, rate: number): void {
  db.prepare('INSERT INTO currency_rates (currency, rate) VALUES (?, ?) ON CONFLICT(currency) DO UPDATE SET rate = excluded.rate').run(
    currency,
    rate,
  )
}
