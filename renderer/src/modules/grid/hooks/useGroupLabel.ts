import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'
import type { GroupRow } from '../../../../../shared/query'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'

/** A group's heading in words: a stage with its pipeline, a person, a label, a month. */
export function useGroupLabel(groupColumn: ContractColumn | null): (group: GroupRow) => string {
  const { t } = useTranslation()
  const labels = useLabels()
  const { stages } = useReferenceData()
  const stageById = useCallback((id: number) => stages.find((s) => s.id === id), [stages])

  return useCallback(
    (group: GroupRow) => {
      const key = group.key
      if (key === null || key === '') return t('grid.groups.blank')
      if (!groupColumn) return String(key)
      switch (groupColumn.type) {
        case 'stage': {
          const stage = stageById(Number(key))
          return stage ? `${labels.bilingual(stage.nameZh, stage.nameEn)} · ${labels.pipelineName(stage.pipelineId) ?? ''}` : String(key)
        }
        case 'user':
          return labels.userName(Number(key)) ?? String(key)
        case 'picklist':
          return labels.picklistLabel(groupColumn.options ?? '', String(key)) ?? String(key)
        case 'enum':
          return groupColumn.options === 'currency' ? String(key) : (labels.enumLabel(groupColumn.options ?? '', String(key)) ?? String(key))
        case 'pipeline':
          return labels.pipelineName(Number(key)) ?? String(key)
        case 'boolean':
          return Number(key) ? t('common.yes') : t('common.no')
        default:
          return String(key)
      }
    },
    [groupColumn, labels, stageById, t],
  )
}
