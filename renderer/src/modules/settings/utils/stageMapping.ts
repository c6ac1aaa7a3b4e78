import type { Stage } from '../../../../../shared/entities'

/**
 * The stage a deal would land in when moved to another pipeline: the stage
 * of the same kind at the same position among that kind, else the first of
 * that kind (the core's own rule; the person may pick another).
 */
export function mappedStage(current: Stage, stages: readonly Stage[], toPipelineId: number): Stage | undefined {
  const ofKind = (pipelineId: number) =>
    stages.filter((s) => s.pipelineId === pipelineId && s.kind === current.kind && s.active).toSorted((a, b) => a.sortOrder - b.sortOrder)
  const position = ofKind(current.pipelineId).findIndex((s) => s.id === current.id)
  const targets = ofKind(toPipelineId)
  return targets[position] ?? targets[0]
}
