import type { CustomField } from '../../../../shared/entities'
import type { ImportTargetInfo } from '../../../../shared/methods/imports'
import type { ChosenMapping } from './mapping'
import { CUSTOM_PREFIX, headerKey } from './targets'

/** What reading a custom field's column needs to know about the field; plain data, so it crosses to the worker. */
export type CustomFieldRef = Pick<CustomField, 'key' | 'labelZh' | 'labelEn' | 'type' | 'picklistKey' | 'required'>

export const customTargetKey = (field: Pick<CustomField, 'key'>) => `${CUSTOM_PREFIX}${field.key}`

/** The defined field a `custom:<key>` target names, if any (other custom targets stay free text). */
export function customFieldOfTarget(fields: readonly CustomFieldRef[] | undefined, target: string): CustomFieldRef | undefined {
  if (!target.startsWith(CUSTOM_PREFIX)) return undefined
  const key = target.slice(CUSTOM_PREFIX.length)
  return fields?.find((f) => f.key === key)
}

/** Custom fields as mapping targets in the wizard's list. */
export function customTargetInfos(fields: readonly CustomFieldRef[] | undefined): ImportTargetInfo[] {
  return (fields ?? []).map((f) => ({ key: customTargetKey(f), labelZh: f.labelZh, labelEn: f.labelEn, type: f.type, required: false }))
}

/**
 * Columns whose header is exactly a custom field's label (either language)
 * or key, e.g. a column an export wrote for it. An exact name beats a guess
 * from synonyms (渠道 is this workspace's field, not the built-in source).
 */
export function withCustomTargets(mapping: ChosenMapping[], fields: readonly CustomFieldRef[] | undefined): ChosenMapping[] {
  if (!fields || fields.length === 0) return mapping
  const byHeader = new Map<string, string>()
  for (const f of fields) for (const name of [f.key, f.labelZh, f.labelEn]) byHeader.set(headerKey(name), customTargetKey(f))
  const taken = new Set(mapping.map((m) => m.target))
  return mapping.map((m) => {
    const target = m.target === null || m.confidence < 1 ? byHeader.get(headerKey(m.header)) : undefined
    if (!target || taken.has(target)) return m
    taken.add(target)
    return { ...m, target, confidence: 1 }
  })
}
