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

/**
 * Re-expresses every rate against `base`, which becomes worth 1: the rates
 * keep their ratios, and the base currency's own rate stays 1 as the grid's
 * totals and contract balances take it to be. The divisor is read first,
 * since the update rewrites the row it comes from.
 */
export function rebaseRates(db: Database, base: string): void {
  const divisor = db.prepare('SELECT rate FROM currency_rates WHERE currency = ?').pluck().get(base) as number | undefined
  if (divisor === undefined || divisor === 1) return
  db.prepare('UPDATE currency_rates SET rate = rate / ?').run(divisor)
  db.prepare('UPDATE currency_rates SET rate = 1 WHERE currency = ?').run(base)
}
