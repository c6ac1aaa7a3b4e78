import { FilterOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Popover, Select, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GridEntity } from '../../../../../shared/enums'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useFilterSummary } from '../hooks/useFilterSummary'
import { columnLabel } from '../utils/entityFacts'
import { contractColumns, filterOf, withColumnFilter, type GridViewState } from '../utils/viewState'
import { ColumnFilterEditor } from './ColumnFilterEditor'

interface Props {
  entity: GridEntity
  state: GridViewState
  onChange(next: GridViewState): void
}

/**
 * The active filters as chips (click to change, × to remove) and a button
 * to filter on any column: the board has no headers, the grid shares it.
 */
export function FilterBar({ entity, state, onChange }: Props) {
  const { t } = useTranslation()
  const { locale } = usePreferences()
  const summary = useFilterSummary(entity)
  const [editing, setEditing] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const [addColumn, setAddColumn] = useState<string | null>(null)
  const columns = contractColumns(entity)

  const editor = (key: string, close: () => void) => {
    const column = columns.find((c) => c.key === key)
    if (!column) return null
    const label = columnLabel(column, locale)
    return (
      <ColumnFilterEditor
        key={key}
        column={column}
        label={label}
        filter={filterOf(state, key)}
        onApply={(next) => {
          onChange(withColumnFilter(state, key, next))
          close()
        }}
      />
    )
  }

  return (
    <Flex gap={6} align="center" wrap className="wb-filter-bar" role="group" aria-label={t('grid.filter.active')}>
      {state.filters.map((filter, i) => {
        const { column, text } = summary(filter)
        return (
          <Popover
            key={`${filter.column}-${i}`}
            trigger="click"
            open={editing === filter.column}
            onOpenChange={(open) => setEditing(open ? filter.column : null)}
            destroyOnHidden
            content={editor(filter.column, () => setEditing(null))}
          >
            <Tag
              className="wb-filter-chip"
              color="blue"
              closable
              closeIcon={<span aria-label={t('grid.filter.remove', { column })}>×</span>}
              onClose={(e) => {
                e.preventDefault()
                onChange({ ...state, filters: state.filters.filter((_, j) => j !== i) })
              }}
            >
              <button type="button" className="wb-chip-button">
                <FilterOutlined aria-hidden /> {t('grid.filter.chip', { column, text })}
              </button>
            </Tag>
          </Popover>
        )
      })}
      <Popover
        trigger="click"
        open={adding}
        onOpenChange={(open) => {
          setAdding(open)
          if (!open) setAddColumn(null)
        }}
        destroyOnHidden
        content={
          <Flex vertical gap={8}>
            <Select<string>
              autoFocus
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('grid.filter.pickColumn')}
              placeholder={t('grid.filter.pickColumn')}
              style={{ width: 300 }}
              value={addColumn ?? undefined}
              onChange={setAddColumn}
              options={columns.map((c) => ({ value: c.key, label: columnLabel(c, locale) }))}
            />
            {addColumn &&
              editor(addColumn, () => {
                setAdding(false)
                setAddColumn(null)
              })}
          </Flex>
        }
      >
        <Button size="small" type="dashed" icon={<PlusOutlined />}>
          {t('grid.filter.add')}
        </Button>
      </Popover>
    </Flex>
  )
}
