import { customColumnKey, customFieldKeyOf } from '../../../../../shared/columns'
import type { CustomField, Stage, StageRequirementField } from '../../../../../shared/entities'
import { isBlankValue, isRequired } from '../../customFields/utils/customFormValues'

/** The loss reason whose deals must also name the competitor (the core's rule, mirrored for a friendly pre-check). */
const LOST_TO_COMPETITOR = 'competitor'

/** A field a stage may need: a built-in one, or a custom field as its grid column `custom.<key>`. */
export type StageNeed = StageRequirementField | `custom.${string}`

type RequiredRule = Pick<CustomField, 'key' | 'required' | 'requiredStageIds'>

/** A custom value in a row as the grid holds it (`custom.<key>`) or as the API returns it (`custom: {key}`). */
function customValueIn(facts: Readonly<Record<string, unknown>>, key: string): unknown {
  const flat = facts[customColumnKey(key)]
  if (flat !== undefined) return flat
  const nested = facts.custom
  return nested && typeof nested === 'object' ? (nested as Record<string, unknown>)[key] : undefined
}

/**
 * Which fields a deal still lacks to enter `stage`: the stage's built-in
 * requirements, then the opportunity custom fields required always or for
 * that stage. The core decides; this only lets the grid and the kanban ask
 * for them before writing, for every row at once.
 */
export function missingForStage(
  stage: Pick<Stage, 'kind' | 'requiredFields'> & { id?: number },
  facts: Readonly<Record<string, unknown>>,
  customFields: readonly RequiredRule[] = [],
): StageNeed[] {
  const required = new Set<StageRequirementField>(stage.requiredFields)
  if (stage.kind === 'lost' && facts.lossReason === LOST_TO_COMPETITOR) required.add('competitor')
  const builtIn: StageNeed[] = [...required].filter((field) => isBlankValue(facts[field]))
  return [...builtIn, ...missingCustomForStage(stage.id, facts, customFields)]
}

/** The custom fields (as `custom.<key>`) a deal lacks to be in the stage: required always, or for that stage. */
export function missingCustomForStage(
  stageId: number | undefined,
  facts: Readonly<Record<string, unknown>>,
  customFields: readonly RequiredRule[],
): StageNeed[] {
  return customFields
    .filter((field) => isRequired(field, stageId) && isBlankValue(customValueIn(facts, field.key)))
    .map((field) => customColumnKey(field.key) as StageNeed)
}

/**
 * The fields a refused stage move lacks, from the core's error and the
 * deal: STAGE_REQUIREMENTS names built-in fields (the core checks custom
 * fields only once those pass, so the stage's custom needs are added here,
 * to ask once), CUSTOM_FIELD_REQUIRED names custom field keys. Null for any
 * other refusal.
 */
export function needsOfRefusal(
  code: string,
  details: unknown,
  move: { stageId: number; facts: Readonly<Record<string, unknown>>; customFields: readonly RequiredRule[] },
): StageNeed[] | null {
  const missing = (details as { missing?: unknown } | undefined)?.missing
  const names = Array.isArray(missing) ? missing.filter((m): m is string => typeof m === 'string') : []
  if (code === 'STAGE_REQUIREMENTS') return [...(names as StageNeed[]), ...missingCustomForStage(move.stageId, move.facts, move.customFields)]
  if (code === 'CUSTOM_FIELD_REQUIRED') return names.map((key) => customColumnKey(key) as StageNeed)
  return null
}

/** The custom field key of a need, or null for a built-in field. */
export const customKeyOfNeed = (need: StageNeed): string | null => customFieldKeyOf(need)
