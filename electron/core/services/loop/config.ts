import type { ParsedInput } from '../../../../shared/api'
import type { Stage } from '../../../../shared/entities'
import type { AssignmentRule, LoopConfig } from '../../../../shared/methods/loop'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { listAssignmentRules, readLoopConfig, replaceAssignmentRules, rerateLeads, writeLoopConfig } from '../../store/loop/config'
import { insertStage, reorderStages, stageKeyExists, updateStage } from '../../store/loop/stages'
import { getStage, listPipelines, listStages } from '../../store/reference'
import { inTransaction } from '../context'
import { requireUser } from '../references'

export const getLoopConfig = (core: Core): LoopConfig => readLoopConfig(core.db)

/** Saving rating rules re-rates every lead, in the same transaction. */
export function updateLoopConfig(core: Core, patch: ParsedInput<'loopConfig.update'>): LoopConfig {
  inTransaction(core, () => {
    writeLoopConfig(core.db, patch)
    if (patch.leadRating) rerateLeads(core.db)
  })
  core.events.emit('data-changed', { entities: patch.leadRating ? ['lead'] : [], reason: 'settings' })
  return readLoopConfig(core.db)
}

export const listRules = (core: Core): AssignmentRule[] => listAssignmentRules(core.db)

export function saveRules(core: Core, input: ParsedInput<'assignmentRules.save'>): AssignmentRule[] {
  for (const rule of input.rules) {
    const members = rule.assignTo.type === 'user' ? [rule.assignTo.userId] : rule.assignTo.userIds
    for (const userId of members) requireUser(core, 'userId', userId)
  }
  inTransaction(core, () => replaceAssignmentRules(core.db, input.rules, core.clock().toISOString()))
  core.events.emit('data-changed', { entities: [], reason: 'settings' })
  return listAssignmentRules(core.db)
}

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION', { issues: [{ path: [field], code: 'invalid_reference', message }] })
}

function requireStageRow(core: Core, id: number): Stage {
  const stage = getStage(core.db, id)
  if (!stage) throw new AppError('NOT_FOUND', { entity: 'stage', id })
  return stage
}

/** A key no stage of the pipeline uses yet. */
function freshKey(core: Core, pipelineId: number): string {
  let n = listStages(core.db, pipelineId).length + 1
  while (stageKeyExists(core.db, pipelineId, `custom_${n}`)) n += 1
  return `custom_${n}`
}

/** A new open stage, after `afterStageId` or else after the pipeline's last open stage. */
export function createStage(core: Core, input: ParsedInput<'stages.create'>): Stage {
  if (!listPipelines(core.db).some((p) => p.id === input.pipelineId)) throw invalid('pipelineId', 'No such pipeline')
  const stages = listStages(core.db, input.pipelineId)
  const after = input.afterStageId === undefined ? undefined : stages.find((s) => s.id === input.afterStageId)
  if (input.afterStageId !== undefined && !after) throw invalid('afterStageId', 'Not a stage of this pipeline')
  const lastOpen = stages.filter((s) => s.kind === 'open').at(-1)
  const position = (after ?? lastOpen)?.sortOrder ?? 0
  const { pipelineId, afterStageId: _after, ...values } = input
  const id = inTransaction(core, () => insertStage(core.db, pipelineId, freshKey(core, pipelineId), position + 1, values))
  core.events.emit('data-changed', { entities: ['opportunity'], reason: 'stages' })
  return requireStageRow(core, id)
}

export function editStage(core: Core, input: ParsedInput<'stages.update'>): Stage {
  requireStageRow(core, input.id)
  inTransaction(core, () => updateStage(core.db, input.id, input.patch))
  core.events.emit('data-changed', { entities: ['opportunity'], reason: 'stages' })
  return requireStageRow(core, input.id)
}

/** Every stage of the pipeline, once, in the new order. */
export function reorderPipelineStages(core: Core, input: ParsedInput<'stages.reorder'>): Stage[] {
  const current = listStages(core.db, input.pipelineId).map((s) => s.id)
  const sent = new Set(input.stageIds)
  if (current.length === 0 || sent.size !== input.stageIds.length || current.length !== sent.size || !current.every((id) => sent.has(id))) {
    throw invalid('stageIds', 'Send every stage of the pipeline exactly once')
  }
  inTransaction(core, () => reorderStages(core.db, input.stageIds))
  core.events.emit('data-changed', { entities: ['opportunity'], reason: 'stages' })
  return listStages(core.db, input.pipelineId)
}
