import type { Database } from 'better-sqlite3'

/**
 * The dashboard's open pipeline per owner reads each owner's deals stage by
 * stage: with the owner and the stage first, and every column the figures
 * and the scope's filters read, no open deal is sorted and no deal row read.
 */
const schema = `
CREATE INDEX opps_an_owner ON opportunities(owner_id, stage_id, currency, amount, last_activity_at, stage_entered_at,
  source, product_line, pipeline_id, account_id, deleted_at, version)
  WHERE deleted_at IS NULL AND version > 0;
`

export function addOpenDealsByOwnerIndex(db: Database): void {
  db.exec(schema)
}
