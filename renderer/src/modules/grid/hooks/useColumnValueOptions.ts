import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { enumValues } from '../utils/enumValues'

export interface ValueOption {
  value: string | number
  label: string
}

/** The values a person can pick from when filtering a user, stage, picklist or enum column. */
export function useColumnValueOptions(): (column: ContractColumn) => ValueOption[] {
  const { users, stages, pipelines } = useReferenceData()
  const labels = useLabels()
  const { t } = useTranslation()

  return useCallback(
    (column) => {
      switch (column.type) {
        case 'user':
          return users.map((user) => ({ value: user.id, label: labels.userName(user.id) ?? user.name }))
        case 'stage': {
          const pipelineName = new Map(pipelines.map((p) => [p.id, labels.bilingual(p.nameZh, p.nameEn)]))
          return stages.map((stage) => ({
            value: stage.id,
            label: `${pipelineName.get(stage.pipelineId) ?? ''} · ${labels.bilingual(stage.nameZh, stage.nameEn)}`,
          }))
        }
        case 'pipeline':
          return pipelines.map((p) => ({ value: p.id, label: labels.bilingual(p.nameZh, p.nameEn) }))
        case 'boolean':
          // SQLite keeps booleans as 1 and 0.
          return [
            { value: 1, label: t('common.yes') },
            { value: 0, label: t('common.no') },
          ]
        case 'picklist':
          return labels.picklistItems(column.options ?? '').map((item) => ({
            value: item.value,
            label: labels.bilingual(item.labelZh, item.labelEn),
          }))
        case 'enum':
          return enumValues(column.options).map((value) => ({
            value,
            label: column.options === 'currency' ? value : (labels.enumLabel(column.options ?? '', value) ?? value),
          }))
        default:
          return []
      }
    },
    [users, stages, pipelines, labels, t],
  )
}
