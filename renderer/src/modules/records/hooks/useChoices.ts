import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'

/** Select options of the record forms: a picklist's active values, and the active users. */
export function useChoices() {
  const labels = useLabels()
  const { users } = useReferenceData()
  return {
    picklist: (listKey: string) =>
      labels
        .picklistItems(listKey)
        .filter((i) => i.active)
        .map((i) => ({ value: i.value, label: labels.bilingual(i.labelZh, i.labelEn) })),
    users: users.filter((u) => u.active).map((u) => ({ value: u.id, label: labels.userName(u.id) })),
  }
}
