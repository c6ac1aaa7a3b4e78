import type { Pipeline, PicklistItem, Stage, User } from '../entities'
import { holdsCellError, isBlank, type RawValue } from './cell'
import type { CoerceReason } from './reasons'
import { fail, ok, type Coerced } from './result'
import { matchKey } from './text'

/** What a label can be matched against: a picklist item, an enum member, a currency. */
export type OptionItem = Pick<PicklistItem, 'value' | 'labelZh' | 'labelEn'>
export type StageRef = Pick<Stage, 'id' | 'key' | 'nameZh' | 'nameEn' | 'kind'>
export type UserRef = Pick<User, 'id' | 'name' | 'nameEn' | 'email'>
export type PipelineRef = Pick<Pipeline, 'id' | 'key' | 'nameZh' | 'nameEn'>

type Names<T> = (item: T) => readonly (string | null | undefined)[]

/**
 * Finds the one item `raw` names. Tiers are tried in order (values before
 * labels), so an item's own value beats another item's label; two different
 * items in the same tier are ambiguous rather than a coin toss.
 */
function findOne<T>(
  raw: RawValue,
  items: readonly T[],
  tiers: readonly Names<T>[],
  reasons: { unknown: CoerceReason; ambiguous: CoerceReason },
): Coerced<T | null> {
  if (holdsCellError(raw)) return fail('CELL_ERROR')
  if (isBlank(raw)) return ok(null)
  if (typeof raw !== 'string' && typeof raw !== 'number') return fail('WRONG_KIND')
  const key = matchKey(String(raw))
  for (const names of tiers) {
    const hits = items.filter((item) => names(item).some((name) => name != null && matchKey(name) === key))
    if (hits.length === 1) return ok(hits[0]!)
    if (hits.length > 1) return fail(reasons.ambiguous)
  }
  return fail(reasons.unknown)
}

/** A picklist or enum value, by its value or either label; case, width and spaces do not matter. */
export function matchOption(raw: RawValue, items: readonly OptionItem[]): Coerced<string | null> {
  const found = findOne(raw, items, [(i) => [i.value], (i) => [i.labelZh], (i) => [i.labelEn]], {
    unknown: 'OPTION_UNKNOWN',
    ambiguous: 'OPTION_AMBIGUOUS',
  })
  return found.ok ? ok(found.value?.value ?? null) : found
}

/** Words that mean "the deal was won" or "lost" whatever the stage is called in this workspace. */
const wonWords = ['won', 'closedwon', 'win', '成交', '已成交', '赢单', '已赢单', '签约', '已签约', '签单', '已签单', '中标', '已中标']
const lostWords = ['lost', 'closedlost', 'lose', '丢单', '已丢单', '输单', '已输单', '失败', '未成交', '失单', '未中标', '流失']

/**
 * A stage by key or name in either language, then by meaning: "Closed Won",
 * 已成交 or 签约 name the won stage, "Closed Lost" or 丢单 the lost one.
 * Pass the stages of the pipeline being imported into; unknown names are the
 * caller's to create or refuse.
 */
export function matchStage(raw: RawValue, stages: readonly StageRef[]): Coerced<number | null> {
  const meaning = (s: StageRef) => (s.kind === 'won' ? wonWords : s.kind === 'lost' ? lostWords : [])
  const found = findOne(raw, stages, [(s) => [s.key, s.nameZh, s.nameEn], meaning], {
    unknown: 'STAGE_UNKNOWN',
    ambiguous: 'STAGE_AMBIGUOUS',
  })
  return found.ok ? ok(found.value?.id ?? null) : found
}

/** A team member by name, English name or e-mail. Two people with one name are ambiguous, not the first. */
export function matchUser(raw: RawValue, users: readonly UserRef[]): Coerced<number | null> {
  const found = findOne(raw, users, [(u) => [u.name, u.nameEn], (u) => [u.email]], {
    unknown: 'USER_UNKNOWN',
    ambiguous: 'USER_AMBIGUOUS',
  })
  return found.ok ? ok(found.value?.id ?? null) : found
}

/** A pipeline (业务流程) by key or name in either language. */
export function matchPipeline(raw: RawValue, pipelines: readonly PipelineRef[]): Coerced<number | null> {
  const found = findOne(raw, pipelines, [(p) => [p.key, p.nameZh, p.nameEn]], {
    unknown: 'PIPELINE_UNKNOWN',
    ambiguous: 'PIPELINE_AMBIGUOUS',
  })
  return found.ok ? ok(found.value?.id ?? null) : found
}
