import { useCallback, useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'
import type { StageKind } from '../../../../../shared/enums'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'

type RowValues = Record<string, unknown>

const stageKindClass: Record<StageKind, string> = { open: 'wb-tag-blue', won: 'wb-tag-green', lost: 'wb-tag-red' }

/**
 * Renders one cell's value by its column type, in the current language.
 * Tags here are plain spans styled like antd's (the `ant-tag` class keeps
 * them recognisable): a screen of rows holds a hundred of them, and the
 * component's per-instance style hooks would dominate a re-render.
 */
export function useCellRenderer(): (column: ContractColumn, row: RowValues) => ReactNode {
  const labels = useLabels()
  const { t } = useTranslation()
  const format = useFormatters()
  const { picklists, stages } = useReferenceData()
  const stageKinds = useMemo(() => new Map(stages.map((s) => [s.id, s.kind])), [stages])
  const colors = useMemo(() => new Map(picklists.map((i) => [`${i.listKey}:${i.value}`, i.color])), [picklists])

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
          return value ? <span className="ant-tag wb-tag wb-tag-orange">{t('common.yes')}</span> : null
        case 'stage': {
          const kind = stageKinds.get(value as number)
          return (
            <span className={`ant-tag wb-tag ${kind ? stageKindClass[kind] : ''}`}>
              {labels.stageName(value as number) ?? (row.stageName as string | undefined)}
            </span>
          )
        }
        case 'picklist': {
          // A multi-select custom field holds a list of values.
          if (Array.isArray(value)) return value.map((v) => labels.picklistLabel(column.options ?? '', String(v))).join(', ')
          const color = colors.get(`${column.options}:${String(value)}`)
          const label = labels.picklistLabel(column.options ?? '', value as string)
          return color ? (
            <span className="ant-tag wb-tag" style={{ color, borderColor: `${color}55`, background: `${color}12` }}>
              {label}
            </span>
          ) : (
            label
          )
        }
        case 'enum':
          return column.options === 'currency' ? String(value) : labels.enumLabel(column.options ?? '', value as string)
        default:
          return String(value)
      }
    },
    [labels, format, colors, stageKinds, t],
  )
}
