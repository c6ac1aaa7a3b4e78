import { useApiQuery } from '../../../api/useApiQuery'
import { useLabels } from '../../reference/hooks/useLabels'

/** Every picklist (built-in and custom) a picklist field can draw its values from. */
export function usePicklistOptions(): { value: string; label: string }[] {
  const labels = useLabels()
  const lists = useApiQuery('picklists.lists', {}, { reads: [] })
  return (lists.data ?? []).map((l) => ({ value: l.key, label: labels.bilingual(l.labelZh, l.labelEn) }))
}
