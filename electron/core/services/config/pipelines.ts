import type { CallMeta } from '../../../../shared/api'
import type { Opportunity, Pipeline, Stage } from '../../../../shared/entities'
import type { PipelineCreate, PipelineMoveResult, PipelinePatch } from '../../../../shared/methods/config'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { writeAudit } from '../../store/audit'
import { getPipeline, insertPipeline, insertStageRow, pipelineKeyTaken, reorderPipelines, updatePipeline } from '../../store/config'
import { getStage, listPipelines, listStages } from '../../store/reference'
import { getGridRow } from '../../store/rows'
import { inTransaction, writeContext } from '../context'
import { applyOpportunityUpdate } from '../opportunities'

type StageSeed = Omit<Stage, 'id' | 'pipelineId'>

/** A new pipeline's board when no other is copied: one open stage, won and lost. */
const defaultStages: StageSeed[] = [
  { key: 'open', nameZh: '跟进中', nameEn: 'In progress', sortOrder: 1, probability: 20, kind: 'open', rottingDays: 14,
    forecastCategory: 'pipeline', requiredFields: [], entryTasks: [], active: true },
  { key: 'won', nameZh: '赢单', nameEn: 'Won', sortOrder: 2, probability: 100, kind: 'won', rottingDays: null,
    forecastCategory: 'closed', requiredFields: ['amount', 'signedDate'], entryTasks: [], active: true },
  { key: 'lost', nameZh: '输单', nameEn: 'Lost', sortOrder: 3, probability: 0, kind: 'lost', rottingDays: null,
    forecastCategory: 'omitted', requiredFields: ['lossReason'], entryTasks: [], active: true },
]

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', { issues: [{ path: [path], code: 'custom', message }] })
}

/** A free key from the English name: "Channel sales" → channel_sales (then channel_sales_2...). */
function freeKey(core: Core, nameEn: string): string {
  const base = `p_${nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`.slice(0, 36).replace(/_+$/, '') || 'pipeline'
  let key = base
  for (let n = 2; pipelineKeyTaken(core.db, key); n += 1) key = `${base}_${n}`
  return key
}

/** Inserts a pipeline with its stages, in the caller's transaction. */
export function insertPipelineWithStages(core: Core, key: string, nameZh: string, nameEn: string, stages: readonly StageSeed[]): number {
  const id = insertPipeline(core.db, key, nameZh, nameEn)
  stages.forEach((stage, index) => insertStageRow(core.db, id, { ...stage, sortOrder: index + 1 }))
  return id
}

export function createPipeline(core: Core, input: PipelineCreate): Pipeline {
  if (input.key && pipelineKeyTaken(core.db, input.key)) throw new AppError('PIPELINE_KEY_TAKEN', { key: input.key })
  const stages = input.copyStagesFrom === undefined ? defaultStages : listStages(core.db, getPipeline(core.db, input.copyStagesFrom).id)
  const id = inTransaction(core, () =>
    insertPipelineWithStages(core, input.key ?? freeKey(core, input.nameEn), input.nameZh, input.nameEn, stages),
  )
  core.events.emit('data-changed', { entities: ['opportunity'], reason: 'pipelines' })
  return getPipeline(core.db, id)
}

export function editPipeline(core: Core, input: { id: number; patch: PipelinePatch }): Pipeline {
  getPipeline(core.db, input.id)
  if (input.patch.active === false && listPipelines(core.db).filter((p) => p.active && p.id !== input.id).length === 0) {
    throw invalid('active', 'At least one pipeline stays active')
  }
  inTransaction(core, () => updatePipeline(core.db, input.id, input.patch))
  core.events.emit('data-changed', { entities: ['opportunity'], reason: 'pipelines' })
  return getPipeline(core.db, input.id)
}

export function reorderAllPipelines(core: Core, input: { pipelineIds: number[] }): Pipeline[] {
  const all = listPipelines(core.db)
  if (all.length !== input.pipelineIds.length || !all.every((p) => input.pipelineIds.includes(p.id))) {
    throw invalid('pipelineIds', 'Send every pipeline once')
  }
  inTransaction(core, () => reorderPipelines(core.db, input.pipelineIds))
  core.events.emit('data-changed', { entities: ['opportunity'], reason: 'pipelines' })
  return listPipelines(core.db)
}

/**
 * The stage a deal lands on in another pipeline: the stage of the same kind
 * at the same position among that kind's active stages (the 2nd open stage
 * maps to the 2nd open stage), or the last one of that kind when the target
 * has fewer.
 */
export function mapStage(core: Core, from: Stage, pipelineId: number): { stage: Stage; mapping: 'position' | 'kind' } {
  const sameKind = (id: number) => listStages(core.db, id).filter((s) => s.kind === from.kind && s.active)
  const position = sameKind(from.pipelineId).findIndex((s) => s.id === from.id)
  const targets = sameKind(pipelineId)
  if (targets.length === 0) throw invalid('pipelineId', `The pipeline has no active ${from.kind} stage`)
  const exact = position >= 0 && position < targets.length
  return { stage: targets[exact ? position : targets.length - 1]!, mapping: exact ? 'position' : 'kind' }
}

export function movePipeline(
  core: Core,
  input: { id: number; version: number; pipelineId: number; stageId?: number },
  meta: CallMeta,
): PipelineMoveResult {
  const pipeline = getPipeline(core.db, input.pipelineId)
  if (!pipeline.active) throw invalid('pipelineId', 'The pipeline is not active')
  const current = getGridRow<Opportunity>(core.db, 'opportunity', input.id)
  const fromStage = getStage(core.db, current.stageId)!
  const target =
    input.stageId === undefined
      ? mapStage(core, fromStage, pipeline.id)
      : { stage: getStage(core.db, input.stageId), mapping: 'given' as const }
  if (!target.stage || target.stage.pipelineId !== pipeline.id) throw invalid('stageId', 'The stage is not in that pipeline')
  const toStage = target.stage
  inTransaction(core, () => {
    const ctx = writeContext(core, meta)
    applyOpportunityUpdate(core, ctx, { id: input.id, version: input.version, patch: { stageId: toStage.id } })
    writeAudit(core.db, ctx, 'opportunity', input.id, 'update', [
      { field: 'pipeline_move', oldValue: `${fromStage.pipelineId}:${fromStage.key}`, newValue: `${pipeline.id}:${toStage.key} (${target.mapping})` },
    ])
  })
  core.events.emit('data-changed', { entities: ['opportunity'], reason: 'stage' })
  return {
    opportunity: getGridRow<Opportunity>(core.db, 'opportunity', input.id),
    fromPipelineId: fromStage.pipelineId,
    fromStageId: fromStage.id,
    toStageId: toStage.id,
    mapping: target.mapping,
  }
}
