import type { Database } from 'better-sqlite3'

/** Rates that turn each currency into the base one, as set in Settings. */

export function listRates(db: Database): { currency: string; rate: number }[] {
  return db.prepare('SELECT currency, rate FROM currency_rates ORDER BY currency').all() as { currency: string; rate: number }[]
}

export function putRate(db: Database, currency: string, rate: number): void {
  db.prepare('INSERT INTO currency_rates (currency, rate) VALUES (?, ?) ON CONFLICT(currency) DO UPDATE SET rate = excluded.rate').run(
    currency,
    rate,
  )
}
