import type { Database } from 'better-sqlite3'
import type { Snapshot } from '../../../../shared/methods/analytics'
import { allRows, deals, dealScope, inBase, inList, isNarrowed, joinSql, liveDeals, oneRow, raw, sql, type Fragment, type Scope } from './sql'

/** Weekly (and on-demand) copies of the open pipeline, and the deal-by-deal comparison of two of them. */

const snapshotSelect = `SELECT id, taken_at AS takenAt, week, kind, note, deal_count AS dealCount, amount FROM pipeline_snapshots`

export interface NewSnapshot {
  takenAt: string
  week: string
  kind: 'auto' | 'manual'
  takenBy: number | null
  note: string | null
  baseCurrency: string
}

/** Copies every open deal's stage, amount, close date and owner; returns the new snapshot's id. */
export function insertSnapshot(db: Database, snapshot: NewSnapshot): number {
  const totals = oneRow<{ count: number; amount: number }>(
    db,
    sql`SELECT count(*) AS count, total(${inBase(db, snapshot.baseCurrency, 'o.amount', 'o.currency')}) AS amount
      FROM stages s JOIN ${deals} ON o.stage_id = s.id
      WHERE s.kind = 'open' AND ${liveDeals}`,
  )
  const id = Number(
    db
      .prepare(
        `INSERT INTO pipeline_snapshots (taken_at, week, kind, taken_by, note, deal_count, amount) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(snapshot.takenAt, snapshot.week, snapshot.kind, snapshot.takenBy, snapshot.note, totals.count, totals.amount)
      .lastInsertRowid,
  )
  db.prepare(
    `INSERT INTO pipeline_snapshot_items
       (snapshot_id, opportunity_id, stage_id, amount, currency, probability, expected_close_date, owner_id, forecast_category)
     SELECT ?, o.id, o.stage_id, o.amount, o.currency, o.probability, o.expected_close_date, o.owner_id, o.forecast_category
     FROM stages s JOIN ${deals.text} ON o.stage_id = s.id
     WHERE s.kind = 'open' AND ${liveDeals.text}`,
  ).run(id)
  return id
}

export function listSnapshots(db: Database): Snapshot[] {
  return db.prepare(`${snapshotSelect} ORDER BY taken_at DESC, id DESC`).all() as Snapshot[]
}

export function getSnapshot(db: Database, id: number): Snapshot | undefined {
  return db.prepare(`${snapshotSelect} WHERE id = ?`).get(id) as Snapshot | undefined
}

export function autoSnapshotOfWeek(db: Database, week: string): Snapshot | undefined {
  return db.prepare(`${snapshotSelect} WHERE week = ? AND kind = 'auto'`).get(week) as Snapshot | undefined
}

/** The latest snapshot taken before `moment`, if any. */
export function snapshotBefore(db: Database, moment: string): Snapshot | undefined {
  return db.prepare(`${snapshotSelect} WHERE taken_at < ? ORDER BY taken_at DESC, id DESC LIMIT 1`).get(moment) as
    | Snapshot
    | undefined
}

/** The earliest snapshot taken at or after `moment`, if any. */
export function snapshotFrom(db: Database, moment: string): Snapshot | undefined {
  return db.prepare(`${snapshotSelect} WHERE taken_at >= ? ORDER BY taken_at, id LIMIT 1`).get(moment) as Snapshot | undefined
}

/** One side of a comparison: a stored snapshot, or (null) the live open pipeline. */
function side(snapshotId: number | null): Fragment {
  return snapshotId === null
    ? sql`SELECT o.id AS opportunity_id, o.stage_id, o.amount, o.currency, o.expected_close_date, o.owner_id
        FROM stages s JOIN ${deals} ON o.stage_id = s.id WHERE s.kind = 'open' AND ${liveDeals}`
    : sql`SELECT opportunity_id, stage_id, amount, currency, expected_close_date, owner_id
        FROM pipeline_snapshot_items WHERE snapshot_id = ${snapshotId}`
}

/** A side narrowed by the scope: its own owner, the deal's other attributes as they are now. */
function scopedSide(alias: string, snapshotId: number | null, scope: Scope): Fragment {
  const parts: Fragment[] = [raw('1')]
  if (scope.ownerIds) parts.push(inList(`${alias}.owner_id`, scope.ownerIds))
  const others = { ...scope, ownerIds: null }
  if (isNarrowed(others)) {
    parts.push(sql`${alias}.opportunity_id IN (SELECT o.id FROM opportunities o WHERE ${dealScope(others)})`)
  }
  return sql`SELECT * FROM (${side(snapshotId)}) ${raw(alias)} WHERE ${joinSql(parts, ' AND ')}`
}

export interface DealChange {
  opportunityId: number
  name: string | null
  ownerId: number | null
  createdAt: string | null
  fromStageId: number | null
  toStageId: number | null
  fromAmount: number | null
  toAmount: number | null
  fromCloseDate: string | null
  toCloseDate: string | null
  /** +1 forward, −1 backward, 0 same place (compared by stage order). */
  stageMove: number
  /** For deals that left the pipeline: the kind of stage they were in at the later moment, or 'deleted'. */
  leftAs: 'won' | 'lost' | 'open' | 'deleted' | null
}

/**
 * Every deal in either side with its old and new values (amounts in the
 * base currency at today's rates on both sides, so a rate change is not
 * mistaken for a deal change), and, for deals that left, how they stood at
 * `toMoment` according to the stage history.
 */
export function compareSnapshots(
  db: Database,
  fromSnapshotId: number,
  toSnapshotId: number | null,
  toMoment: string,
  scope: Scope,
): DealChange[] {
  return allRows(
    db,
    sql`WITH a AS MATERIALIZED (${scopedSide('a', fromSnapshotId, scope)}),
      b AS MATERIALIZED (${scopedSide('b', toSnapshotId, scope)}),
      ids(id) AS (SELECT opportunity_id FROM a UNION SELECT opportunity_id FROM b),
      d AS (
        SELECT ids.id,
          a.stage_id AS fromStageId, b.stage_id AS toStageId,
          ${inBase(db, scope.baseCurrency, 'a.amount', 'a.currency')} AS fromAmount, ${inBase(db, scope.baseCurrency, 'b.amount', 'b.currency')} AS toAmount,
          a.expected_close_date AS fromCloseDate, b.expected_close_date AS toCloseDate,
          coalesce(b.owner_id, a.owner_id) AS ownerId
        FROM ids LEFT JOIN a ON a.opportunity_id = ids.id LEFT JOIN b ON b.opportunity_id = ids.id)
      SELECT d.id AS opportunityId, o.name, d.ownerId, o.created_at AS createdAt,
        d.fromStageId, d.toStageId, d.fromAmount, d.toAmount, d.fromCloseDate, d.toCloseDate,
        CASE WHEN ts.pipeline_id IS NULL OR fs.pipeline_id IS NULL THEN 0
             ELSE sign((tp.sort_order * 1000 + ts.sort_order) - (fp.sort_order * 1000 + fs.sort_order)) END AS stageMove,
        CASE WHEN d.toStageId IS NOT NULL THEN NULL
             WHEN o.id IS NULL OR (o.deleted_at IS NOT NULL AND o.deleted_at <= ${toMoment}) THEN 'deleted'
             ELSE (SELECT hs.kind FROM stage_history h JOIN stages hs ON hs.id = h.to_stage_id
                   WHERE h.opportunity_id = d.id AND h.changed_at <= ${toMoment}
                   ORDER BY h.changed_at DESC, h.id DESC LIMIT 1) END AS leftAs
      FROM d
      LEFT JOIN opportunities o ON o.id = d.id
      LEFT JOIN stages fs ON fs.id = d.fromStageId LEFT JOIN pipelines fp ON fp.id = fs.pipeline_id
      LEFT JOIN stages ts ON ts.id = d.toStageId LEFT JOIN pipelines tp ON tp.id = ts.pipeline_id
      ORDER BY d.id`,
  )
}
