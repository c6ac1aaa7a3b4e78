import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { julianDay } from '../../electron/core/store/analytics/sql'

/**
 * The stale figures bind the clock's Julian day instead of converting it on
 * every row; they agree with the grid's stale filter only if the bound
 * number is bit for bit the one SQLite's julianday() gives.
 */
describe('julianDay', () => {
  it('is exactly SQLite’s julianday() of the same ISO timestamp', () => {
    const db = new Database(':memory:')
    const sqlite = db.prepare('SELECT julianday(?)').pluck()
    const instants = fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2100-12-31T23:59:59.999Z'), noInvalidDate: true })
    fc.assert(
      fc.property(instants, (instant) => {
        const iso = instant.toISOString()
        expect(julianDay(iso)).toBe(sqlite.get(iso))
      }),
      { numRuns: 2000 },
    )
    db.close()
  })
})
