import type { Stage, StageRequirementField } from '../../../../../shared/entities'

/** The loss reason whose deals must also name the competitor (the core's rule, mirrored for a friendly pre-check). */
const LOST_TO_COMPETITOR = 'competitor'

const blank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '')

/**
 * Which fields a deal still lacks to enter `stage`. The core decides; this
 * only lets the grid ask for them before writing, for every row at once.
 */
export function missingForStage(
  stage: Pick<Stage, 'kind' | 'requiredFields'>,
  facts: Readonly<Record<string, unknown>>,
): StageRequirementField[] {
  const required = new Set<StageRequirementField>(stage.requiredFields)
  if (stage.kind === 'lost' && facts.lossReason === LOST_TO_COMPETITOR) required.add('competitor')
  return [...required].filter((field) => blank(facts[field]))
}
