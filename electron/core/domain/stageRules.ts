import type { Stage, StageRequirementField } from '../../../shared/entities'

export interface StageFacts {
  amount?: number | null
  expectedCloseDate?: string | null
  signedDate?: string | null
  lossReason?: string | null
  competitor?: string | null
  contactId?: number | null
  nextStep?: string | null
}

/** The loss reason whose deals must also name the competitor. */
export const LOST_TO_COMPETITOR = 'competitor'

/**
 * Which required fields a deal still lacks to enter `stage`. A loss to a
 * competitor needs the competitor's name too.
 */
export function missingForStage(stage: Stage, facts: StageFacts): StageRequirementField[] {
  const required = new Set<StageRequirementField>(stage.requiredFields)
  if (stage.kind === 'lost' && facts.lossReason === LOST_TO_COMPETITOR) required.add('competitor')
  return [...required].filter((field) => isBlank(facts[field]))
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
}
