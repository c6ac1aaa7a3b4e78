import { useMemo } from 'react'
import type { CustomField, CustomFieldEntity } from '../../../../../shared/entities'
import { useApiQuery } from '../../../api/useApiQuery'
import { customFieldsIn } from '../../layouts/utils/layoutFields'
import { useLabels } from '../../reference/hooks/useLabels'
import { useCustomFields } from './useCustomFields'

export interface CustomSection {
  key: string
  title: string
  fields: CustomField[]
}

/** The entity's custom fields grouped and ordered by its form layout (unplaced ones last). */
export function useCustomSections(entity: CustomFieldEntity): { sections: CustomSection[]; fields: readonly CustomField[] } {
  const labels = useLabels()
  const fields = useCustomFields(entity)
  const layout = useApiQuery('layouts.get', { entity }, { reads: [] })
  const sections = useMemo(() => {
    const placed = (layout.data?.sections ?? [])
      .map((s) => ({ key: s.key, title: labels.bilingual(s.labelZh, s.labelEn), fields: customFieldsIn(s, fields) }))
      .filter((s) => s.fields.length > 0)
    const seen = new Set(placed.flatMap((s) => s.fields.map((f) => f.key)))
    const rest = fields.filter((f) => !seen.has(f.key)).toSorted((a, b) => a.position - b.position)
    return rest.length ? [...placed, { key: 'custom', title: '', fields: rest }] : placed
  }, [layout.data, fields, labels])
  return { sections, fields }
}
