import type { Database } from 'better-sqlite3'
import { spreadsByGroup } from './percentiles'
import { dealIdIn, deals, dealScope, inSpan, isNarrowed, raw, rawRows, sql, type DateSpan, type Scope } from './sql'

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
 *
 * Counted here from three narrow reads instead of looking up, arrival by
 * arrival, the deal row and the next arrival. A deal reaches a stage no later
 * than any stage after it (facts.ts: every arrival also reaches the open stages
 * before it), so an arrival at the next stage that counts is one since the
 * span began.
 */
export function conversionByStage(
  db: Database,
  scope: Scope,
  reached: DateSpan,
  steps: readonly { stageId: number; nextStageId: number }[],
): ConversionCell[] {
  if (steps.length === 0) return []
  const nextOf = new Map(steps.map((s) => [s.stageId, s.nextStageId]))
  const nextStages = new Set(nextOf.values())
  // One walk over the arrivals since the span began at every stage involved;
  // those before the span's end are the arrivals counted.
  const rows = rawRows<[number, number, number]>(
    db,
    sql`SELECT r.opportunity_id, r.stage_id, ${inSpan('r.reached_at', { from: null, until: reached.until })} FROM stage_reach r
      WHERE r.stage_id IN (${[...new Set([...nextOf.keys(), ...nextStages])]}) AND ${inSpan('r.reached_at', { from: reached.from, until: null })}`,
  )
  const nextArrivals = new Map([...nextStages].map((stageId) => [stageId, new Set<number>()]))
  for (const [deal, stageId] of rows) nextArrivals.get(stageId)?.add(deal)
  const counted = dealsCounted(db, scope)
  const won = new Set(
    rawRows<[number]>(db, sql`SELECT o.id FROM stages s JOIN ${deals} ON o.stage_id = s.id WHERE s.kind = 'won' AND ${dealScope(scope)}`).map(
      ([id]) => id,
    ),
  )
  const cells = new Map<number, ConversionCell>()
  for (const [deal, stageId, beforeEnd] of rows) {
    const next = nextOf.get(stageId)
    if (beforeEnd !== 1 || next === undefined || !counted(deal)) continue
    let cell = cells.get(stageId)
    if (!cell) cells.set(stageId, (cell = { stageId, reached: 0, advanced: 0, won: 0 }))
    cell.reached++
    if (nextArrivals.get(next)!.has(deal)) cell.advanced++
    if (won.has(deal)) cell.won++
  }
  return [...cells.values()]
}

/**
 * Whether a deal is live and within the scope. With nothing to narrow by,
 * only the (few) trashed deals are read.
 */
function dealsCounted(db: Database, scope: Scope): (deal: number) => boolean {
  if (!isNarrowed(scope)) {
    const trashed = new Set(rawRows<[number]>(db, raw('SELECT id FROM opportunities WHERE deleted_at IS NOT NULL')).map(([id]) => id))
    return (deal) => !trashed.has(deal)
  }
  const inScope = new Set(rawRows<[number]>(db, sql`SELECT o.id FROM ${deals} WHERE ${dealScope(scope)}`).map(([id]) => id))
  return (deal) => inScope.has(deal)
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
    // Open stages as a list looked up once, rather than a join to the stage row of every stay.
    sql`SELECT st.stage_id, st.days FROM stage_stays st
      WHERE st.stage_id IN (SELECT id FROM stages WHERE kind = 'open') AND ${inSpan('st.left_at', left)} AND ${dealIdIn(scope, 'st.opportunity_id')}`,
  )
  return [...spreadsByGroup(stays)].map(([stageId, s]) => ({ stageId, stays: s.n, medianDays: s.median, p80Days: s.p80, averageDays: s.mean }))
}
