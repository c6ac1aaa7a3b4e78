import { CaretDownOutlined, CaretRightOutlined } from '@ant-design/icons'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../format/hooks/useFormatters'
import type { GroupSection } from '../utils/groups'

interface Props {
  index: number
  top: number
  height: number
  section: GroupSection
  label: string
  collapsed: boolean
  /** Amount subtotals exist for deals only. */
  showAmounts: boolean
  baseCurrency: string
  colSpan: number
  onToggle(id: string): void
}

/** A group's header: its value, how many rows, and (for deals) the sum and weighted sum in the base currency. */
export const GridGroupRow = memo(function GridGroupRow(props: Props) {
  const { t } = useTranslation()
  const format = useFormatters()
  const { section, collapsed } = props
  const { group } = section
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      aria-expanded={!collapsed}
      className="wb-grid-row wb-grid-group-row"
      style={{ transform: `translateY(${props.top}px)`, height: props.height }}
      data-index={props.index}
      data-group={section.id}
    >
      <div role="gridcell" aria-colindex={1} aria-colspan={props.colSpan} className="wb-grid-group-cell">
        <button
          type="button"
          className="wb-grid-group-toggle"
          aria-expanded={!collapsed}
          aria-label={t(collapsed ? 'grid.groups.expand' : 'grid.groups.collapse', { label: props.label })}
          onMouseDown={(e) => e.stopPropagation()}
          onClick={() => props.onToggle(section.id)}
        >
          {collapsed ? <CaretRightOutlined aria-hidden /> : <CaretDownOutlined aria-hidden />}
        </button>
        <span className="wb-grid-group-label">{props.label}</span>
        <span className="wb-grid-group-stat" data-testid="group-count">
          {t('grid.groups.count', { count: group.count, formatted: format.number(group.count) })}
        </span>
        {props.showAmounts && (
          <>
            <span className="wb-grid-group-stat" data-testid="group-amount">
              {t('grid.groups.amount', { value: format.money(group.amount ?? 0, props.baseCurrency) })}
            </span>
            <span className="wb-grid-group-stat" data-testid="group-weighted">
              {t('grid.groups.weighted', { value: format.money(group.weightedAmount ?? 0, props.baseCurrency) })}
            </span>
          </>
        )}
      </div>
    </div>
  )
})
