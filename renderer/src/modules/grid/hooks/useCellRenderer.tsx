import { Tag } from 'antd'
import { useCallback, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { StageTag } from '../../reference/components/StageTag'

type RowValues = Record<string, unknown>

/** Renders one cell's value by its column type, in the current language. */
export function useCellRenderer(): (column: ContractColumn, row: RowValues) => ReactNode {
  const labels = useLabels()
  const { t } = useTranslation()
  const format = useFormatters()
  const { picklists } = useReferenceData()

  return useCallback(
    (column, row) => {
      const value = row[column.key]
      if (value == null || value === '') return null
      switch (column.type) {
        case 'currency':
          return format.money(value as number, row.currency as string | undefined)
        case 'percent':
          return format.percent(value as number)
        case 'number':
          return format.number(value as number)
        case 'date':
          return format.date(value as string)
        case 'datetime':
          return format.dateTime(value as string)
        case 'user':
          // Inactive or unknown users still show the name the row was saved with.
          return labels.userName(value as number) ?? (row[column.key.replace(/Id$/, 'Name')] as string | null)
        case 'pipeline':
          return labels.pipelineName(value as number)
        case 'boolean':
          // Only the exceptions are marked, so a column of flags stays easy to scan.
          return value ? <Tag color="warning">{t('common.yes')}</Tag> : null
        case 'stage':
          return <StageTag stageId={value as number} fallback={row.stageName as string | undefined} />
        case 'picklist': {
          const color = picklists.find((i) => i.listKey === column.options && i.value === value)?.color
          const label = labels.picklistLabel(column.options ?? '', value as string)
          return color ? <Tag color={color}>{label}</Tag> : label
        }
        case 'enum':
          return column.options === 'currency' ? String(value) : labels.enumLabel(column.options ?? '', value as string)
        default:
          return String(value)
      }
    },
    [labels, format, picklists, t],
  )
}
