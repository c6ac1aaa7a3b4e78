import type { Database } from 'better-sqlite3'
import { allRows, dealIdIn, deals, dealScope, inSpan, joinSql, percentilesOfVals, sql, type DateSpan, type Scope } from './sql'

/** Figures read from the stage facts (facts.ts): how far deals got, and how long they stayed. */

export interface ConversionCell {
  stageId: number
  reached: number
  advanced: number
  won: number
}

/**
 * Per open stage: deals that first reached it in the span (a deal that
 * skipped it reached it too); how many of them have since reached the next
 * stage; how many are won now. Moving back and forward again reaches nothing new.
 */
export function conversionByStage(
  db: Database,
  scope: Scope,
  reached: DateSpan,
  steps: readonly { stageId: number; nextStageId: number }[],
): ConversionCell[] {
  if (steps.length === 0) return []
  const pairs = joinSql(
    steps.map((s) => sql`(${s.stageId}, ${s.nextStageId})`),
    ', ',
  )
  return allRows(
    db,
    sql`WITH nx(stage_id, next_id) AS (VALUES ${pairs}),
      won AS MATERIALIZED (SELECT o.id FROM stages s JOIN ${deals} ON o.stage_id = s.id WHERE s.kind = 'won' AND ${dealScope(scope)})
      SELECT r.stage_id AS stageId, count(*) AS reached, count(n.opportunity_id) AS advanced, count(w.id) AS won
      FROM stage_reach r JOIN nx ON nx.stage_id = r.stage_id
      LEFT JOIN stage_reach n ON n.opportunity_id = r.opportunity_id AND n.stage_id = nx.next_id
      LEFT JOIN won w ON w.id = r.opportunity_id
      WHERE ${inSpan('r.reached_at', reached)} AND ${dealIdIn(scope, 'r.opportunity_id')}
      GROUP BY r.stage_id`,
  )
}

export interface DwellCell {
  stageId: number
  stays: number
  medianDays: number | null
  p80Days: number | null
  averageDays: number | null
}

/**
 * Completed stays in open stages that ended in the span: from the move into
 * the stage to the next move, in days. A stay still going on is not counted.
 */
export function dwellByStage(db: Database, scope: Scope, left: DateSpan): DwellCell[] {
  return allRows(
    db,
    sql`WITH vals(grp, value) AS (
        SELECT st.stage_id, st.days FROM stage_stays st JOIN stages s ON s.id = st.stage_id
        WHERE s.kind = 'open' AND ${inSpan('st.left_at', left)} AND ${dealIdIn(scope, 'st.opportunity_id')})
      SELECT grp AS stageId, n AS stays, median AS medianDays, p80 AS p80Days, mean AS averageDays
      FROM (${percentilesOfVals})`,
  )
}
