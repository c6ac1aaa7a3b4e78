import type { Database } from 'better-sqlite3'

/**
 * The open-deals-by-owner index (migration 013) keeps each deal's last touch
 * as the Julian day the stale test computes (the later of its last activity
 * and its move into the stage) instead of the two timestamps: the dashboard
 * then reads that day from the index rather than parsing two timestamps for
 * every open deal on every refresh. The expression is the grid's own
 * (gridSources.ts rottingSql), so queries using it read it from here.
 */
const schema = `
DROP INDEX opps_an_owner;
CREATE INDEX opps_an_owner ON opportunities(owner_id, stage_id, currency, amount,
  julianday(max(coalesce(last_activity_at, ''), stage_entered_at)),
  source, product_line, pipeline_id, account_id, deleted_at, version)
  WHERE deleted_at IS NULL AND version > 0;
`

export function keepLastTouchInOwnerIndex(db: Database): void {
  db.exec(schema)
}
