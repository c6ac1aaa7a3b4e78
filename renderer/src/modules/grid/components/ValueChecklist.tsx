import { SearchOutlined } from '@ant-design/icons'
import { Checkbox, Flex, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ValueOption } from '../hooks/useColumnValueOptions'

interface Props {
  label: string
  options: ValueOption[]
  value: (string | number)[]
  onChange(value: (string | number)[]): void
}

/** Past this many values a search box helps find one. */
const SEARCHABLE_FROM = 8

/** Excel's filter list: tick the values to keep. */
export function ValueChecklist({ label, options, value, onChange }: Props) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const needle = search.trim().toLowerCase()
  const shown = needle ? options.filter((o) => o.label.toLowerCase().includes(needle)) : options

  return (
    <Flex vertical gap={8}>
      {options.length >= SEARCHABLE_FROM && (
        <Input
          size="small"
          allowClear
          prefix={<SearchOutlined />}
          aria-label={t('grid.searchValues', { label })}
          placeholder={t('grid.searchValues', { label })}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      )}
      <Checkbox.Group
        aria-label={t('grid.filterColumn', { label })}
        className="wb-value-checklist"
        value={value}
        onChange={(next) => onChange(next as (string | number)[])}
      >
        {shown.map((option) => (
          <Checkbox key={option.value} value={option.value}>
            {option.label}
          </Checkbox>
        ))}
      </Checkbox.Group>
    </Flex>
  )
}
