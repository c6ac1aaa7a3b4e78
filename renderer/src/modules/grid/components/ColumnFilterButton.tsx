import { FilterFilled, FilterOutlined } from '@ant-design/icons'
import { Button, Popover } from 'antd'
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

  return (
    <Popover
      trigger="click"
      placement="bottomLeft"
      open={open}
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
      <Button
        type="text"
        size="small"
        className={active ? 'wb-grid-filter wb-grid-filter-active' : 'wb-grid-filter'}
        aria-label={t('grid.filterColumn', { label })}
        aria-pressed={active}
        icon={active ? <FilterFilled /> : <FilterOutlined />}
        // The header itself sorts on click; the filter button must not.
        onClick={(e) => e.stopPropagation()}
      />
    </Popover>
  )
}
