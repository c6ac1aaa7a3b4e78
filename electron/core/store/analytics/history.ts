import type { Database } from 'better-sqlite3'
import { largestId } from '../records'
import { spreadOf } from './percentiles'
import { dealIdIn, deals, dealScope, inSpan, isNarrowed, pluckNumbers, raw, rawRows, sql, type DateSpan, type Scope } from './sql'

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
 * Counted here from narrow reads of deal ids (one column each, the cheapest
 * rows to hand over), marked by id, instead of looking up, arrival by
 * arrival, the deal row and the next arrival. A deal reaches a stage no later
 * than any stage after it (facts.ts: every arrival also reaches the open
 * stages before it), so an arrival at the next stage that counts is one since
 * the span began.
 */
export function conversionByStage(
  db: Database,
  scope: Scope,
  reached: DateSpan,
  steps: readonly { stageId: number; nextStageId: number }[],
): ConversionCell[] {
  if (steps.length === 0) return []
  const size = dealIdBound(db)
  const arrivals = (stageId: number, span: DateSpan) =>
    pluckNumbers(db, sql`SELECT r.opportunity_id FROM stage_reach r WHERE r.stage_id = ${stageId} AND ${inSpan('r.reached_at', span)}`)
  const since = new Map<number, DealMarks>()
  const arrivedSince = (stageId: number) => {
    let marks = since.get(stageId)
    if (!marks) since.set(stageId, (marks = markDeals(arrivals(stageId, { from: reached.from, until: null }), size)))
    return marks
  }
  const counted = dealsCounted(db, scope, size)
  const won = markDeals(pluckNumbers(db, sql`SELECT o.id FROM stages s JOIN ${deals} ON o.stage_id = s.id WHERE s.kind = 'won' AND ${dealScope(scope)}`), size)
  return steps.flatMap(({ stageId, nextStageId }) => {
    const cell: ConversionCell = { stageId, reached: 0, advanced: 0, won: 0 }
    const next = arrivedSince(nextStageId)
    for (const deal of arrivals(stageId, reached)) {
      if (!counted(deal)) continue
      cell.reached++
      if (next[deal] === 1) cell.advanced++
      if (won[deal] === 1) cell.won++
    }
    return cell.reached > 0 ? [cell] : []
  })
}

/**
 * Deal ids as one byte per id, up to `size` (past the largest): testing tens
 * of thousands of arrivals against a list is then an array read each, several
 * times cheaper than filling and probing a Set.
 */
type DealMarks = Uint8Array

/** Past the largest deal id: the stage facts name only deals that exist (facts.ts rebuilds a deal's when its history goes). */
const dealIdBound = (db: Database): number => largestId(db, 'opportunity') + 1

function markDeals(ids: readonly number[], size: number): DealMarks {
  const marks = new Uint8Array(size)
  for (const id of ids) marks[id] = 1
  return marks
}

/**
 * Whether a deal is live and within the scope. With nothing to narrow by,
 * only the (few) trashed deals are read.
 */
function dealsCounted(db: Database, scope: Scope, size = dealIdBound(db)): (deal: number) => boolean {
  if (!isNarrowed(scope)) {
    const trashed = markDeals(pluckNumbers(db, raw('SELECT id FROM opportunities WHERE deleted_at IS NOT NULL')), size)
    return (deal) => trashed[deal] !== 1
  }
  const inScope = markDeals(pluckNumbers(db, sql`SELECT o.id FROM ${deals} WHERE ${dealScope(scope)}`), size)
  return (deal) => inScope[deal] === 1
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
 * Read stage by stage off stage_stays_an_stage (migration 013), as bare
 * numbers where only the trash is left out: a row per stay for thousands of
 * stays cost more than their medians.
 */
export function dwellByStage(db: Database, scope: Scope, left: DateSpan): DwellCell[] {
  const inScope = isNarrowed(scope) ? dealsCounted(db, scope) : null
  const open = pluckNumbers(db, raw("SELECT id FROM stages WHERE kind = 'open'"))
  return open.flatMap((stageId) => {
    const s = spreadOf(stayDays(db, stageId, left, scope, inScope))
    return s.n > 0 ? [{ stageId, stays: s.n, medianDays: s.median, p80Days: s.p80, averageDays: s.mean }] : []
  })
}

/**
 * A stage's stays that ended in the span, in days. Under a narrowing scope the
 * deals in it are checked here against one list read for every stage, rather
 * than SQLite gathering them again for each stage.
 */
function stayDays(db: Database, stageId: number, left: DateSpan, scope: Scope, inScope: ((deal: number) => boolean) | null): number[] {
  const stays = sql`FROM stage_stays st WHERE st.stage_id = ${stageId} AND ${inSpan('st.left_at', left)}`
  if (inScope === null) return pluckNumbers(db, sql`SELECT st.days ${stays} AND ${dealIdIn(scope, 'st.opportunity_id')}`)
  return rawRows<[number, number]>(db, sql`SELECT st.days, st.opportunity_id ${stays}`).flatMap(([days, deal]) => (inScope(deal) ? [days] : []))
}
