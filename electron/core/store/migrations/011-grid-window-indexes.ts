import type { Database } from 'better-sqlite3'
import type { CustomFieldEntity } from '../../../../shared/entities'
import { indexField } from '../customFields'

/**
 * The columns a deal grid filters on most (the default views, the column
 * filters reps reach for first). Every sort index of the deal grid carries
 * them after its sort key and `id` (the tiebreak every window query orders
 * by), so a window sorted by that index checks these filters inside the index,
 * without reading the wide deal row: walking a sort index to a window deep in
 * a filtered list then costs index entries, not table lookups. `deleted_at`
 * (always NULL in these partial indexes) lets SQLite see the index answers
 * `deleted_at IS NULL` itself, so it reads no table row at all.
 */
const covered = 'stage_id, owner_id, pipeline_id, amount, expected_close_date, source, deleted_at'

/** Sort index name → the sort key it orders by (trigger-kept sort_* keys included). */
const dealSortIndexes: Record<string, string> = {
  opps_amount: 'amount',
  opps_name: 'name',
  opps_close: 'expected_close_date',
  opps_created: 'created_at',
  opps_updated: 'updated_at',
  opps_closed: 'closed_at',
  opps_next_follow_up: 'next_follow_up_date',
  opps_last_activity: 'last_activity_at',
  opps_sort_stage: 'sort_stage',
  opps_sort_stage_amount: 'sort_stage, amount DESC',
  opps_sort_owner: 'sort_owner',
  opps_sort_account: 'sort_account',
}

export function addGridWindowIndexes(db: Database): void {
  for (const [name, key] of Object.entries(dealSortIndexes)) {
    db.exec(`DROP INDEX IF EXISTS ${name};
      CREATE INDEX ${name} ON opportunities(${key}, id, ${covered}) WHERE deleted_at IS NULL;`)
  }
  // Counting the live deals (unfiltered, or the quick search's matches) reads this narrow index, not the table.
  db.exec(`DROP INDEX IF EXISTS opps_live_id;
    CREATE INDEX opps_live_id ON opportunities(id, deleted_at) WHERE deleted_at IS NULL;`)
  // Live custom fields' indexes gain the same shape (customFields.indexField builds new fields' ones).
  const fields = db.prepare('SELECT entity, key FROM custom_fields WHERE deleted_at IS NULL').all() as { entity: CustomFieldEntity; key: string }[]
  for (const { entity, key } of fields) indexField(db, entity, key)
  // Dropping an index drops its statistics: where the planner had some, give the rebuilt indexes theirs at once.
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get()) db.exec('ANALYZE opportunities')
}
