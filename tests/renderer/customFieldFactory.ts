import type { CustomField } from '../../shared/entities'

let nextId = 1

/** A custom field definition as the core returns it, with only what a test cares about given. */
export function field(overrides: Partial<CustomField> & Pick<CustomField, 'key' | 'type'>): CustomField {
  return {
    id: nextId++,
    entity: 'opportunity',
    labelZh: overrides.key,
    labelEn: overrides.key,
    picklistKey: null,
    required: false,
    requiredStageIds: [],
    defaultValue: null,
    helpText: null,
    position: 0,
    deletedAt: null,
    version: 1,
    ...overrides,
  }
}
