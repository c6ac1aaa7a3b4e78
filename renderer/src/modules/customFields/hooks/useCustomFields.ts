import { useMemo, useSyncExternalStore } from 'react'
import type { CustomField, CustomFieldEntity } from '../../../../../shared/entities'
import { subscribeCustomFields } from '../utils/customFieldLoader'
import { customFieldsSnapshot } from '../utils/customFieldStore'

const server = () => customFieldsSnapshot()

/** Live custom fields (of one entity, when given), kept fresh after Settings edits them. */
export function useCustomFields(entity?: CustomFieldEntity): readonly CustomField[] {
  const { fields } = useSyncExternalStore(subscribeCustomFields, customFieldsSnapshot, server)
  return useMemo(() => (entity ? fields.filter((f) => f.entity === entity) : fields), [fields, entity])
}

/** Whether the definitions arrived once: grids wait for them so saved views keep their custom columns. */
export function useCustomFieldsLoaded(): boolean {
  return useSyncExternalStore(subscribeCustomFields, customFieldsSnapshot, server).loaded
}
