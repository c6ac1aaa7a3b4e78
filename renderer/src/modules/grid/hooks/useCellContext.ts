import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnDef } from '../../../../../shared/columns'
import type { CoerceContext } from '../../../../../shared/coerce'
import { i18next } from '../../../i18n'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import type { CellLabels, RowValues } from '../utils/cellModel'
import { enumValues } from '../utils/enumValues'

export interface CellContext {
  labels: CellLabels
  /** What coercing a cell of `column` needs, for `row` (or a new row: null). */
  contextFor(column: ColumnDef, row: RowValues | null): CoerceContext
  /** The pipeline new rows go into. */
  defaultPipelineId: number | undefined
}

/**
 * Turns reference data into what typed and pasted values are matched
 * against: picklist and enum labels in both languages, team members, and
 * the stages of the row's own pipeline.
 */
export function useCellContext(): CellContext {
  const { t } = useTranslation()
  const labels = useLabels()
  const { users, stages, pipelines, picklists } = useReferenceData()

  const cellLabels = useMemo<CellLabels>(
    () => ({
      userName: labels.userName,
      stageName: labels.stageName,
      pipelineName: labels.pipelineName,
      picklistLabel: labels.picklistLabel,
      enumLabel: labels.enumLabel,
      yes: t('common.yes'),
      no: t('common.no'),
    }),
    [labels, t],
  )

  const defaultPipelineId = useMemo(() => [...pipelines].sort((a, b) => a.sortOrder - b.sortOrder)[0]?.id, [pipelines])

  const contextFor = useCallback(
    (column: ColumnDef, row: RowValues | null): CoerceContext => {
      switch (column.type) {
        case 'picklist':
          return { options: picklists.filter((i) => i.listKey === column.options && i.active) }
        case 'enum': {
          const zh = i18next.getFixedT('zh-CN')
          const en = i18next.getFixedT('en')
          const name = column.options ?? ''
          return {
            options: enumValues(name).map((value) => ({
              value,
              labelZh: name === 'currency' ? value : zh(`enum.${name}.${value}`),
              labelEn: name === 'currency' ? value : en(`enum.${name}.${value}`),
            })),
          }
        }
        case 'stage': {
          const pipelineId = (row?.pipelineId as number | undefined) ?? defaultPipelineId
          return { stages: stages.filter((s) => s.active && s.pipelineId === pipelineId) }
        }
        case 'pipeline':
          return { pipelines }
        case 'user':
          return { users: users.filter((u) => u.active) }
        default:
          return {}
      }
    },
    [picklists, stages, pipelines, users, defaultPipelineId],
  )

  return { labels: cellLabels, contextFor, defaultPipelineId }
}
