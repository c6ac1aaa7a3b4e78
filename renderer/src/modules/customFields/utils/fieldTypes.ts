import type { CustomFieldType } from '../../../../../shared/entities'

/** Field types whose values come from a picklist. */
export const picklistTypes: ReadonlySet<CustomFieldType> = new Set(['picklist', 'multiPicklist'])
