import { ClearOutlined, SearchOutlined } from '@ant-design/icons'
import { Button, Flex, Input, Typography } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../format/hooks/useFormatters'

interface Props {
  onSearch(text: string): void
  total: number | undefined
  filtersActive: boolean
  onClearFilters(): void
  extra?: ReactNode
}

/** Typing pauses this long before the grid asks the core again. */
const SEARCH_DELAY_MS = 250

export function GridToolbar({ onSearch, total, filtersActive, onClearFilters, extra }: Props) {
  const { t } = useTranslation()
  const format = useFormatters()
  const [text, setText] = useState('')

  useEffect(() => {
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, onSearch])

  return (
    <Flex className="wb-grid-toolbar" align="center" gap={12} wrap>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        aria-label={t('grid.search')}
        placeholder={t('grid.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ width: 280 }}
      />
      {filtersActive && (
        <Button icon={<ClearOutlined />} onClick={onClearFilters}>
          {t('grid.clearFilters')}
        </Button>
      )}
      <Typography.Text type="secondary" data-testid="grid-total">
        {total === undefined ? '' : t('grid.total', { count: format.number(total) })}
      </Typography.Text>
      <Flex flex={1} justify="end" gap={8}>
        {extra}
      </Flex>
    </Flex>
  )
}
