import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { GridEntity } from '../../../../../shared/enums'
import { useFormatters } from '../../format/hooks/useFormatters'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { choiceValues, rangeOf } from '../utils/columnFilters'
import { columnLabel } from '../utils/entityFacts'
import { contractColumns, ME, type Filter } from '../utils/viewState'
import { useColumnValueOptions } from './useColumnValueOptions'

/** Shown values in a chip before "+N". */
const SHOWN_VALUES = 2

/** A filter in words, for the chips above the grid and the board: "负责人：我、李娜". */
export function useFilterSummary(entity: GridEntity): (filter: Filter) => { column: string; text: string } {
  const { t } = useTranslation()
  const { locale } = usePreferences()
  const format = useFormatters()
  const valueOptions = useColumnValueOptions()

  return useCallback(
    (filter) => {
      const column = contractColumns(entity).find((c) => c.key === filter.column)
      const label = column ? columnLabel(column, locale) : filter.column
      const value = (v: unknown) => {
        if (!column) return String(v)
        if (column.type === 'date' || column.type === 'datetime') return format.date(String(v)) ?? String(v)
        if (column.type === 'currency') return format.money(Number(v)) ?? String(v)
        return String(v)
      }
      switch (filter.op) {
        case 'contains':
          return { column: label, text: t('grid.filter.summary.contains', { value: String(filter.value ?? '') }) }
        case 'equals':
          if (column && (column.type === 'boolean' || column.type === 'enum' || column.type === 'picklist')) break
          return { column: label, text: t('grid.filter.summary.equals', { value: String(filter.value ?? '') }) }
        case 'empty':
          return { column: label, text: t('grid.filter.ops.empty') }
        case 'notEmpty':
          return { column: label, text: t('grid.filter.ops.notEmpty') }
        case 'preset':
          return { column: label, text: t(`grid.presets.${String(filter.value)}`) }
        case 'me':
          return { column: label, text: t('grid.filter.me') }
        case 'between': {
          const { from, to } = rangeOf(filter)
          const has = (v: unknown) => v !== null && v !== undefined && v !== ''
          if (has(from) && has(to)) return { column: label, text: `${value(from)} ~ ${value(to)}` }
          if (has(from)) return { column: label, text: `≥ ${value(from)}` }
          return { column: label, text: `≤ ${value(to)}` }
        }
        default:
          break
      }
      const options = column ? valueOptions(column) : []
      const names = choiceValues(filter).map((v) =>
        v === null ? t('grid.filter.blank') : v === ME ? t('grid.filter.me') : (options.find((o) => o.value === v)?.label ?? String(v)),
      )
      const text = names.length > SHOWN_VALUES ? `${names.slice(0, SHOWN_VALUES).join('、')} +${names.length - SHOWN_VALUES}` : names.join('、')
      return { column: label, text }
    },
    [entity, format, locale, t, valueOptions],
  )
}
