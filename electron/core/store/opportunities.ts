import type { Database } from 'better-sqlite3'
import type { Stage, StageHistoryEntry } from '../../../shared/entities'
import { writeAudit } from './audit'
import { insertRows } from './multiRowInsert'
import { getLiveRow, insertRecord, updateRecord, type Row } from './records'
import type { WriteContext } from './writeContext'

/** When a deal entered its stage and (null for open) closed; now, unless it comes with its history (an import). */
export interface StageEntry {
  readonly enteredAt: string
  readonly closedAt: string | null
}

const enteredNow = (stage: Stage, ctx: WriteContext): StageEntry => ({ enteredAt: ctx.now, closedAt: stage.kind === 'open' ? null : ctx.now })

/** Columns that follow the stage: its pipeline, when it was entered, when the deal closed. */
function stageColumns(stage: Stage, entry: StageEntry): Row {
  return {
    stage_id: stage.id,
    pipeline_id: stage.pipelineId,
    stage_entered_at: entry.enteredAt,
    closed_at: entry.closedAt,
  }
}

const historyInto = 'stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at, changed_by, batch_id)'

function recordStageChange(db: Database, ctx: WriteContext, id: number, fromStageId: number | null, toStageId: number, changedAt = ctx.now): void {
  const row = [id, fromStageId, toStageId, changedAt, ctx.userId, ctx.batchId ?? null]
  if (ctx.laterHistory) ctx.laterHistory.push(row)
  else insertRows(db, historyInto, [row], 1)
}

/**
 * Writes the stage-history rows a batch collected, in the order they were
 * made, so they get the ids they would have had. Written between the batch's
 * records, each row found its index pages pushed out of SQLite's cache by the
 * records' own and cost about three times as much.
 */
export function writeLaterHistory(db: Database, ctx: WriteContext): void {
  insertRows(db, historyInto, ctx.laterHistory ?? [], 128)
  ctx.laterHistory?.splice(0)
}

/**
 * Inserts the deal with its first stage-history row and audit row, in the
 * caller's transaction. A deal imported from history gives the day it was
 * created, entered its stage and closed; its first stage-history row carries that day.
 */
export function insertOpportunity(
  db: Database,
  ctx: WriteContext,
  values: Row,
  stage: Stage,
  history: { createdAt?: string; entry?: StageEntry } = {},
): number {
  const entry = history.entry ?? enteredNow(stage, ctx)
  const id = insertRecord(db, ctx, 'opportunity', { ...values, ...stageColumns(stage, entry) }, history.createdAt)
  recordStageChange(db, ctx, id, null, stage.id, entry.enteredAt)
  return id
}

/**
 * Updates fields and, when the stage changes, writes the stage-history row
 * and a 'stage' audit row alongside the field audit rows.
 */
export function updateOpportunity(
  db: Database,
  ctx: WriteContext,
  id: number,
  version: number,
  values: Row,
  newStage: Stage | undefined,
): void {
  const before = getLiveRow(db, 'opportunity', id)
  const stageChanged = newStage !== undefined && newStage.id !== before.stage_id
  const columns = stageChanged ? { ...values, ...stageColumns(newStage, enteredNow(newStage, ctx)) } : values
  updateRecord(db, ctx, 'opportunity', id, version, columns)
  if (stageChanged) {
    recordStageChange(db, ctx, id, before.stage_id as number, newStage.id)
    writeAudit(db, ctx, 'opportunity', id, 'stage', [
      { field: 'stage_id', oldValue: before.stage_id, newValue: newStage.id },
    ])
  }
}

export function stageHistoryOf(db: Database, opportunityId: number): StageHistoryEntry[] {
  return db
    .prepare(
      `SELECT h.id, h.opportunity_id AS opportunityId, h.from_stage_id AS fromStageId, h.to_stage_id AS toStageId,
         f.name_zh AS fromStageName, t.name_zh AS toStageName, h.changed_at AS changedAt,
         h.changed_by AS changedBy, u.name AS changedByName
       FROM stage_history h
       JOIN stages t ON t.id = h.to_stage_id
       LEFT JOIN stages f ON f.id = h.from_stage_id
       LEFT JOIN users u ON u.id = h.changed_by
       WHERE h.opportunity_id = ? ORDER BY h.changed_at, h.id`,
    )
    .all(opportunityId) as StageHistoryEntry[]
}
