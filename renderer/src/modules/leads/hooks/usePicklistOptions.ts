import { useLabels } from '../../reference/hooks/useLabels'

/** The active items of a picklist as select options, labelled in the current language. */
export function usePicklistOptions() {
  const labels = useLabels()
  return (listKey: string) =>
    labels
      .picklistItems(listKey)
      .filter((item) => item.active)
      .map((item) => ({ value: item.value, label: labels.bilingual(item.labelZh, item.labelEn) }))
}
