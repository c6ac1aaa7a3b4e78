import { FilterFilled, FilterOutlined } from '@ant-design/icons'
import { Popover } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnDef as ContractColumn } from '../../../../../shared/columns'
import type { ColumnFilter } from '../utils/columnFilters'
import { ColumnFilterEditor } from './ColumnFilterEditor'

interface Props {
  column: ContractColumn
  label: string
  filter: ColumnFilter | undefined
  onChange(filter: ColumnFilter | undefined): void
}

export function ColumnFilterButton({ column, label, filter, onChange }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const active = filter !== undefined

  const button = (
    // A plain button: a header row holds two dozen, and antd's Button adds a click-wave effect to each.
    <button
      type="button"
      className={active ? 'wb-grid-filter wb-grid-filter-active' : 'wb-grid-filter'}
      aria-label={t('grid.filterColumn', { label })}
      aria-pressed={active}
      aria-haspopup="dialog"
      aria-expanded={open}
      onClick={(e) => {
        // The header itself sorts on click; the filter button must not.
        e.stopPropagation()
        setOpen(true)
      }}
    >
      {active ? <FilterFilled aria-hidden /> : <FilterOutlined aria-hidden />}
    </button>
  )
  // The popover exists only while open: two dozen closed ones would cost every header render.
  if (!open) return button
  return (
    <Popover
      trigger="click"
      placement="bottomLeft"
      open
      onOpenChange={setOpen}
      destroyOnHidden
      content={
        <ColumnFilterEditor
          column={column}
          label={label}
          filter={filter}
          onApply={(next) => {
            onChange(next)
            setOpen(false)
          }}
        />
      }
    >
      {button}
    </Popover>
  )
}
