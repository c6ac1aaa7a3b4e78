import type { Database } from 'better-sqlite3'

/**
 * Weekly pipeline snapshots (for "what changed"), sales targets per month and
 * owner, and the indexes that let the dashboard read its figures from narrow
 * covering indexes instead of the wide opportunity rows.
 */
const schema = `
CREATE TABLE pipeline_snapshots (
  id INTEGER PRIMARY KEY,
  taken_at TEXT NOT NULL,
  -- ISO week of taken_at ('2026-W47'): one automatic snapshot per week.
  week TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('auto','manual')),
  taken_by INTEGER REFERENCES users(id),
  note TEXT,
  deal_count INTEGER NOT NULL,
  -- Open amount in the base currency at the rates of the day it was taken.
  amount REAL NOT NULL
);
CREATE INDEX pipeline_snapshots_taken ON pipeline_snapshots(taken_at);
CREATE UNIQUE INDEX pipeline_snapshots_auto_week ON pipeline_snapshots(week) WHERE kind = 'auto';

-- The open pipeline as it stood: no foreign key to the deal, so that a deal
-- removed for good (an undone import) does not rewrite history.
CREATE TABLE pipeline_snapshot_items (
  snapshot_id INTEGER NOT NULL REFERENCES pipeline_snapshots(id) ON DELETE CASCADE,
  opportunity_id INTEGER NOT NULL,
  stage_id INTEGER NOT NULL,
  amount REAL,
  currency TEXT NOT NULL,
  probability INTEGER NOT NULL,
  expected_close_date TEXT,
  owner_id INTEGER,
  forecast_category TEXT,
  PRIMARY KEY (snapshot_id, opportunity_id)
) WITHOUT ROWID;

CREATE TABLE sales_targets (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL,
  -- NULL: the target of the whole team for that month.
  owner_id INTEGER REFERENCES users(id),
  amount REAL NOT NULL CHECK (amount >= 0),
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX sales_targets_month_owner ON sales_targets(month, coalesce(owner_id, 0));

-- Facts the conversion and dwell charts read instead of walking the stage
-- history: when each deal first reached each stage of its pipeline (a stage
-- skipped on the way counts as reached; the won stage too), and each
-- completed stay in a stage. Refreshed from the history on demand
-- (store/analytics/facts.ts); deleting history marks its deal for a rebuild.
CREATE TABLE stage_reach (
  opportunity_id INTEGER NOT NULL,
  stage_id INTEGER NOT NULL,
  reached_at TEXT NOT NULL,
  PRIMARY KEY (opportunity_id, stage_id)
) WITHOUT ROWID;
CREATE INDEX stage_reach_at ON stage_reach(reached_at, stage_id, opportunity_id);

CREATE TABLE stage_stays (
  opportunity_id INTEGER NOT NULL,
  stage_id INTEGER NOT NULL,
  entered_at TEXT NOT NULL,
  left_at TEXT NOT NULL,
  days REAL NOT NULL
);
CREATE INDEX stage_stays_opp ON stage_stays(opportunity_id);
CREATE INDEX stage_stays_left ON stage_stays(left_at, stage_id, days, opportunity_id);

CREATE TABLE stage_facts_stale (opportunity_id INTEGER PRIMARY KEY);
CREATE TRIGGER stage_history_facts_on_delete AFTER DELETE ON stage_history BEGIN
  INSERT OR IGNORE INTO stage_facts_stale (opportunity_id) VALUES (OLD.opportunity_id);
END;

CREATE INDEX opps_an_trashed ON opportunities(id) WHERE deleted_at IS NOT NULL;

-- Deals by creation (funnel, source effectiveness), by closing (win rate, deal
-- size, cycle, losses, renewals) and by stage (stale, forecast, open pipeline):
-- each covers every column its charts read.
-- The partial indexes repeat the columns of their WHERE, so that SQLite can
-- answer from the index alone. Their "version > 0" is true of every row and
-- stated only by the analytics queries: it keeps the grids' planner from
-- picking these wide indexes for its own window and count queries.
CREATE INDEX opps_an_created ON opportunities(created_at, stage_id, owner_id, source, product_line, pipeline_id,
  account_id, currency, amount, probability, deleted_at, version) WHERE deleted_at IS NULL AND version > 0;
CREATE INDEX opps_an_closed ON opportunities(closed_at, stage_id, owner_id, source, product_line, pipeline_id,
  account_id, currency, amount, created_at, loss_reason, competitor, previous_opportunity_id, deleted_at, version)
  WHERE deleted_at IS NULL AND version > 0;
CREATE INDEX opps_an_stage ON opportunities(stage_id, expected_close_date, owner_id, source, product_line, pipeline_id,
  account_id, currency, amount, probability, forecast_category, last_activity_at, stage_entered_at, deleted_at, version)
  WHERE deleted_at IS NULL AND version > 0;

CREATE INDEX stage_history_changed ON stage_history(changed_at, opportunity_id, to_stage_id);
CREATE INDEX activities_an_occurred ON activities(occurred_at, owner_id, deleted_at, version)
  WHERE deleted_at IS NULL AND version > 0;
CREATE INDEX tasks_an_open_due ON tasks(due_date, assignee_id, status, deleted_at, version)
  WHERE deleted_at IS NULL AND status = 'open' AND version > 0;
CREATE INDEX leads_an_created ON leads(created_at, source, owner_id, region, status, deleted_at, version)
  WHERE deleted_at IS NULL AND version > 0;
CREATE INDEX accounts_an_lifecycle ON accounts(lifecycle, owner_id, region, source, deleted_at, version)
  WHERE deleted_at IS NULL AND version > 0;
CREATE INDEX payment_plans_due ON payment_plans(due_date, contract_id, amount);
CREATE INDEX payments_received ON payments(received_date, contract_id, amount);
`

export function addAnalytics(db: Database): void {
  db.exec(schema)
}
