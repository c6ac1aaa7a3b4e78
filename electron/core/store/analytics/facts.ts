import type { Database } from 'better-sqlite3'
import { readSetting, writeSetting } from '../reference'

/**
 * Keeps stage_reach and stage_stays in step with the stage history. Deals
 * with history rows newer than the last refresh, or whose history lost rows,
 * have their facts rebuilt from their whole history: a handful of deals in
 * daily use, every deal once after a demo load or a large import.
 */

const WATERMARK = 'analyticsFactsHistoryId'

/** Whether anything changed in the stage history since the facts were last rebuilt. */
export function stageFactsBehind(db: Database): boolean {
  const done = (readSetting(db, WATERMARK) as number | undefined) ?? 0
  const latest = (db.prepare('SELECT coalesce(max(id), 0) FROM stage_history').pluck().get() as number) ?? 0
  return latest > done || db.prepare('SELECT 1 FROM stage_facts_stale LIMIT 1').get() !== undefined
}

/** Rebuilds the facts of every deal whose history changed; call inside a write transaction. */
export function refreshStageFacts(db: Database): number {
  const done = (readSetting(db, WATERMARK) as number | undefined) ?? 0
  const latest = db.prepare('SELECT coalesce(max(id), 0) FROM stage_history').pluck().get() as number
  db.exec('DROP TABLE IF EXISTS temp.stage_facts_todo')
  db.exec('CREATE TEMP TABLE stage_facts_todo (opportunity_id INTEGER PRIMARY KEY)')
  db.prepare(
    `INSERT OR IGNORE INTO temp.stage_facts_todo
     SELECT opportunity_id FROM stage_history WHERE id > ? UNION SELECT opportunity_id FROM stage_facts_stale`,
  ).run(done)
  const deals = db.prepare('SELECT count(*) FROM temp.stage_facts_todo').pluck().get() as number
  db.exec(`
    DELETE FROM stage_reach WHERE opportunity_id IN (SELECT opportunity_id FROM temp.stage_facts_todo);
    DELETE FROM stage_stays WHERE opportunity_id IN (SELECT opportunity_id FROM temp.stage_facts_todo);

    -- First arrival at each stage: entering a stage reaches every open stage
    -- before it in the pipeline; winning reaches all of them and the won stage.
    INSERT INTO stage_reach (opportunity_id, stage_id, reached_at)
    SELECT h.opportunity_id, x.id, min(h.changed_at)
    FROM temp.stage_facts_todo d
    JOIN stage_history h ON h.opportunity_id = d.opportunity_id
    JOIN stages t ON t.id = h.to_stage_id
    JOIN stages x ON x.pipeline_id = t.pipeline_id
      AND ((x.kind = 'open' AND (t.kind = 'won' OR (t.kind = 'open' AND x.sort_order <= t.sort_order)))
        OR (x.id = t.id AND t.kind = 'won'))
    GROUP BY 1, 2;

    -- Each stay ends at the deal's next move (moves ordered by time, then by id).
    INSERT INTO stage_stays (opportunity_id, stage_id, entered_at, left_at, days)
    SELECT opportunity_id, to_stage_id, changed_at, left_at, julianday(left_at) - julianday(changed_at)
    FROM (
      SELECT h.opportunity_id, h.to_stage_id, h.changed_at,
        lead(h.changed_at) OVER (PARTITION BY h.opportunity_id ORDER BY h.changed_at, h.id) AS left_at
      FROM temp.stage_facts_todo d JOIN stage_history h ON h.opportunity_id = d.opportunity_id)
    WHERE left_at IS NOT NULL;

    DELETE FROM stage_facts_stale;
    DROP TABLE temp.stage_facts_todo;
  `)
  writeSetting(db, WATERMARK, latest)
  return deals
}
