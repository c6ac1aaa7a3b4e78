import type { Database } from 'better-sqlite3'
import type { ViewState } from '../../../../shared/query'

/** Saved grid views (per user, shared or personal) and the rates that turn any currency into the base one. */
const schema = `
CREATE TABLE saved_views (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  name TEXT NOT NULL,
  builtin_key TEXT UNIQUE,
  owner_id INTEGER REFERENCES users(id),
  shared INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX saved_views_entity ON saved_views(entity, owner_id);

CREATE TABLE currency_rates (
  currency TEXT PRIMARY KEY,
  rate REAL NOT NULL CHECK (rate > 0)
);
`

const openDeals: ViewState['filters'][number] = { column: 'stageKind', op: 'in', value: ['open'] }

const builtinViews: { key: string; zh: string; state: ViewState }[] = [
  {
    key: 'my_open_deals',
    zh: '我的进行中商机',
    state: {
      filters: [openDeals, { column: 'ownerId', op: 'me' }],
      sort: [{ column: 'expectedCloseDate', desc: false }],
      columns: [],
      pinned: 1,
      groupBy: null,
    },
  },
  {
    key: 'closing_this_month',
    zh: '本月预计成交',
    state: {
      filters: [openDeals, { column: 'expectedCloseDate', op: 'preset', value: 'thisMonth' }],
      sort: [{ column: 'amount', desc: true }],
      columns: [],
      pinned: 1,
      groupBy: null,
    },
  },
  {
    key: 'stale_deals',
    zh: '停滞商机',
    state: {
      filters: [openDeals, { column: 'isRotting', op: 'equals', value: 1 }],
      sort: [{ column: 'lastActivityAt', desc: false }],
      columns: [],
      pinned: 1,
      groupBy: 'ownerId',
    },
  },
  {
    key: 'won_this_quarter',
    zh: '本季度赢单',
    state: {
      filters: [
        { column: 'stageKind', op: 'in', value: ['won'] },
        { column: 'closedAt', op: 'preset', value: 'thisQuarter' },
      ],
      sort: [{ column: 'closedAt', desc: true }],
      columns: [],
      pinned: 1,
      groupBy: null,
    },
  },
]

/** Rates to CNY; a team changes them in Settings. */
const defaultRates: [string, number][] = [
  ['CNY', 1],
  ['USD', 7.1],
  ['EUR', 7.7],
  ['HKD', 0.91],
  ['JPY', 0.047],
  ['GBP', 9],
]

export function addViewsAndRates(db: Database): void {
  db.exec(schema)
  const insertView = db.prepare(
    `INSERT INTO saved_views (entity, name, builtin_key, owner_id, shared, state, created_at, updated_at)
     VALUES ('opportunity', ?, ?, NULL, 1, ?, '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z')`,
  )
  for (const view of builtinViews) insertView.run(view.zh, view.key, JSON.stringify(view.state))
  const insertRate = db.prepare('INSERT INTO currency_rates (currency, rate) VALUES (?, ?)')
  for (const [currency, rate] of defaultRates) insertRate.run(currency, rate)
}
