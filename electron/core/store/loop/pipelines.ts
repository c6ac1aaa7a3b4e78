import type { Database } from 'better-sqlite3'
import type { Stage, StageKind } from '../../../../shared'
import { getStage } from '../reference'

/** The first active stage of a kind in a pipeline, in board order. */
export function firstStageOfKind(db: Database, pipelineId: number, kind: StageKind): Stage | undefined {
  const id = db
    .prepare('SELECT id FROM stages WHERE pipeline_id = ? AND kind = ? AND active = 1 ORDER BY sort_order, id LIMIT 1')
    .pluck()
    .get(pipelineId, kind) as number | undefined
  return id === undefined ? undefined : getStage(db, id)
}

export function pipelineIdByKey(db: Database, key: string): number | undefined {
  return db.prepare('SELECT id FROM pipelines WHERE key = ?').pluck().get(key) as number | undefined
}

export function firstPipelineId(db: Database): number | undefined {
  return db.prepare('SELECT id FROM pipelines ORDER BY sort_order, id LIMIT 1').pluck().get() as number | undefined
}
