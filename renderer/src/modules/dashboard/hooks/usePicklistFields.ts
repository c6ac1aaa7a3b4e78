import { useMemo } from 'react'
import type { CustomField } from '../../../../../shared/entities'
import { useApiQuery } from '../../../api/useApiQuery'

/** The deals' live custom picklist fields (single and multi-select): what the dashboard filters and breaks down by. */
export function usePicklistFields(): CustomField[] {
  const query = useApiQuery('customFields.list', { entity: 'opportunity' }, { reads: [] })
  return useMemo(() => (query.data ?? []).filter((f) => f.type === 'picklist' || f.type === 'multiPicklist'), [query.data])
}
