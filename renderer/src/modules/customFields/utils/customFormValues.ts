import type { CustomField, CustomValue, CustomValuesInput } from '../../../../../shared/entities'

/** The form's custom values as a create or update sends them: blanks become null (cleared). */
export function customInput(values: Readonly<Record<string, CustomValue | null | undefined>> | undefined): CustomValuesInput {
  const out: CustomValuesInput = {}
  for (const [key, value] of Object.entries(values ?? {})) {
    if (value === undefined) continue
    out[key] = value === '' || (Array.isArray(value) && value.length === 0) ? null : value
  }
  return out
}

/** Whether a custom value counts as not given: nothing, blank text or no picks. */
export const isBlankValue = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)

/** Whether a value must be given: always, or before the record's (or chosen) stage. */
export function isRequired(field: Pick<CustomField, 'required' | 'requiredStageIds'>, stageId: number | null | undefined): boolean {
  return field.required || (stageId != null && field.requiredStageIds.includes(stageId))
}

/** Defaults for a new record's empty custom fields. */
export function customDefaults(fields: readonly CustomField[]): Record<string, CustomValue> {
  return Object.fromEntries(fields.flatMap((f) => (f.defaultValue === null ? [] : [[f.key, f.defaultValue]])))
}
