import { ClearOutlined, SearchOutlined } from '@ant-design/icons'
import { Button, Flex, Input, Typography } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../format/hooks/useFormatters'

interface Props {
  /** The search the view holds; typing changes it after a short pause. */
  search: string
  onSearch(text: string): void
  total: number | undefined
  filtersActive: boolean
  onClearFilters(): void
  /** Left of the search: the saved views menu, the grid/board switch. */
  start?: ReactNode
  /** The active filter chips. */
  filters?: ReactNode
  /** Grouping, columns, undo/redo, bulk edit. */
  actions?: ReactNode
  extra?: ReactNode
}

/** Typing pauses this long before the grid asks the core again. */
const SEARCH_DELAY_MS = 250

/** The bar above a grid or the board: views, quick search, filters, and the list's own actions. */
export function GridToolbar({ search, onSearch, total, filtersActive, onClearFilters, start, filters, actions, extra }: Props) {
  const { t } = useTranslation()
  const format = useFormatters()
  const [draft, setDraft] = useState({ text: search, from: search })
  // A view applied from outside replaces what was typed.
  if (draft.from !== search && draft.text.trim() === draft.from.trim()) setDraft({ text: search, from: search })

  useEffect(() => {
    if (draft.text.trim() === search.trim()) return
    const timer = setTimeout(() => {
      setDraft((d) => ({ ...d, from: d.text.trim() }))
      onSearch(draft.text.trim())
    }, SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [draft.text, search, onSearch])

  return (
    <Flex vertical gap={8} className="wb-grid-toolbar">
      <Flex align="center" gap={8} wrap>
        {start}
        <Input
          allowClear
          prefix={<SearchOutlined />}
          aria-label={t('grid.search')}
          placeholder={t('grid.searchPlaceholder')}
          value={draft.text}
          onChange={(e) => setDraft((d) => ({ ...d, text: e.target.value }))}
          style={{ width: 240 }}
        />
        {actions}
        <Typography.Text type="secondary" data-testid="grid-total">
          {total === undefined ? '' : t('grid.total', { count: format.number(total) })}
        </Typography.Text>
        <Flex flex={1} justify="end" gap={8}>
          {extra}
        </Flex>
      </Flex>
      {(filters || filtersActive) && (
        <Flex align="center" gap={8} wrap>
          {filters}
          {filtersActive && (
            <Button size="small" type="link" icon={<ClearOutlined />} onClick={onClearFilters}>
              {t('grid.clearFilters')}
            </Button>
          )}
        </Flex>
      )}
    </Flex>
  )
}
