import type { Database } from 'better-sqlite3'

/**
 * Indexes that let the dashboard read its groups one by one, in index order,
 * instead of gathering rows and sorting them into groups:
 * - open deals by owner, then stage, with every column the figures and the
 *   scope's filters read;
 * - completed stage stays by stage, then the day they ended (this replaces
 *   the index by end day alone, which only the dwell chart read);
 * - live contracts by id with what collections weigh a row by (its deal and
 *   currency), so that an instalment or payment does not read its contract's
 *   whole row.
 */
const schema = `
CREATE INDEX opps_an_owner ON opportunities(owner_id, stage_id, currency, amount, last_activity_at, stage_entered_at,
  source, product_line, pipeline_id, account_id, deleted_at, version)
  WHERE deleted_at IS NULL AND version > 0;
DROP INDEX stage_stays_left;
CREATE INDEX stage_stays_an_stage ON stage_stays(stage_id, left_at, days, opportunity_id);
CREATE INDEX contracts_an_live ON contracts(id, opportunity_id, currency, deleted_at) WHERE deleted_at IS NULL;
`

export function addDashboardGroupIndexes(db: Database): void {
  db.exec(schema)
}
