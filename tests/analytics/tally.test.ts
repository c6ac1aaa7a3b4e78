import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { compareKeys, Tallies, Total, type GroupKey } from '../../electron/core/store/analytics/tally'

/** Figures summed in JavaScript must come out as SQLite's GROUP BY and total() give them. */
describe('tallies', () => {
  const db = new Database(':memory:')
  db.exec('CREATE TABLE t (k, v REAL)')
  const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)')

  it('orders keys as GROUP BY does: blank first, then numbers, then text byte by byte', () => {
    const keys: GroupKey[] = ['wechat', null, 12, 'Zeta', '华东', 3, 'a\u{1F600}', 'a\uFF5E', '', 'website', 2.5]
    db.exec('DELETE FROM t')
    for (const k of keys) insert.run(k, 1)
    const sqlite = db.prepare('SELECT k FROM t GROUP BY k').pluck().all()
    expect([...keys].sort(compareKeys)).toEqual(sqlite)
  })

  it('sums as total() does, compensating for the rounding of long sums', () => {
    const values = [1e16, 1, -1e16, 0.1, 0.2, 0.3, 7.1 * 12345.67, 1e-3, 3.3333333333333335, ...Array.from({ length: 500 }, (_, i) => i * 7.1 + 0.01)]
    db.exec('DELETE FROM t')
    for (const v of values) insert.run('x', v)
    const total = new Total()
    for (const v of values) total.add(v)
    expect(total.value).toBe(db.prepare('SELECT total(v) FROM t').pluck().get())
    expect(values.reduce((a, b) => a + b, 0)).not.toBe(total.value)
  })

  it('counts and sums per key, in key order', () => {
    const tallies = new Tallies<string | null>()
    tallies.add('b', 2)
    tallies.add(null, 1)
    tallies.add('b', 3)
    tallies.add('a', 4)
    expect(tallies.rows()).toEqual([
      { key: null, count: 1, amount: 1 },
      { key: 'a', count: 1, amount: 4 },
      { key: 'b', count: 2, amount: 5 },
    ])
  })
})
