import type { Database } from 'better-sqlite3'
import { spreadsByGroup } from './percentiles'
import { allRows, dealIdIn, deals, dealScope, inSpan, joinSql, rawRows, sql, type DateSpan, type Scope } from './sql'

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
    // Reading each reaching deal's current stage by its id costs less than gathering every won deal first.
    sql`WITH nx(stage_id, next_id) AS (VALUES ${pairs})
      SELECT r.stage_id AS stageId, count(*) AS reached, count(n.opportunity_id) AS advanced,
        count(CASE WHEN s.kind = 'won' THEN 1 END) AS won
      FROM stage_reach r JOIN nx ON nx.stage_id = r.stage_id
      CROSS JOIN ${deals} ON o.id = r.opportunity_id JOIN stages s ON s.id = o.stage_id
      LEFT JOIN stage_reach n ON n.opportunity_id = r.opportunity_id AND n.stage_id = nx.next_id
      WHERE ${inSpan('r.reached_at', reached)} AND ${dealScope(scope)}
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
  const stays = rawRows<[number, number]>(
    db,
    sql`SELECT st.stage_id, st.days FROM stage_stays st JOIN stages s ON s.id = st.stage_id
      WHERE s.kind = 'open' AND ${inSpan('st.left_at', left)} AND ${dealIdIn(scope, 'st.opportunity_id')}`,
  )
  return [...spreadsByGroup(stays)].map(([stageId, s]) => ({ stageId, stays: s.n, medianDays: s.median, p80Days: s.p80, averageDays: s.mean }))
}
