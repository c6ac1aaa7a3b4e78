import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons'
import type { Header } from '@tanstack/react-table'
import { useTranslation } from 'react-i18next'
import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'
import { cellClass } from '../utils/columnLayout'
import type { GridRow } from '../utils/listMethods'
import type { ColumnFilter } from '../utils/columnFilters'
import { ColumnFilterButton } from './ColumnFilterButton'

interface Props {
  header: Header<GridRow, unknown>
  contract: ContractColumn
  label: string
  /** Shown only when more than one column sorts, so the order is readable. */
  showSortIndex: boolean
}

const ariaSort = { asc: 'ascending', desc: 'descending' } as const

export function GridHeaderCell({ header, contract, label, showSortIndex }: Props) {
  const { t } = useTranslation()
  const { column } = header
  const sorted = column.getIsSorted()

  return (
    <div
      role="columnheader"
      aria-colindex={header.index + 1}
      // Named by the label alone, not by the filter button's text inside it.
      aria-label={label}
      aria-sort={sorted ? ariaSort[sorted] : 'none'}
      className={`${cellClass(column.columnDef.meta?.numeric)} wb-grid-header-cell`}
      style={{ width: header.getSize() }}
    >
      <button
        type="button"
        className="wb-grid-sort"
        // The header's aria-sort tells the direction; the arrows are for the eye.
        aria-label={label}
        title={t('grid.sortHint')}
        onClick={column.getToggleSortingHandler()}
      >
        <span className="wb-grid-header-label">{label}</span>
        {sorted === 'asc' && <ArrowUpOutlined className="wb-grid-sort-icon" />}
        {sorted === 'desc' && <ArrowDownOutlined className="wb-grid-sort-icon" />}
        {sorted && showSortIndex && <sup className="wb-grid-sort-index">{column.getSortIndex() + 1}</sup>}
      </button>
      <ColumnFilterButton
        column={contract}
        label={label}
        filter={column.getFilterValue() as ColumnFilter | undefined}
        onChange={(filter) => column.setFilterValue(filter)}
      />
    </div>
  )
}
