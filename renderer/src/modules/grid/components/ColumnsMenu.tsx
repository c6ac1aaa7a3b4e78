import { ArrowDownOutlined, ArrowUpOutlined, TableOutlined } from '@ant-design/icons'
import { Button, Checkbox, Flex, InputNumber, Popover, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ResolvedColumn } from '../utils/viewState'

interface Props {
  columns: ResolvedColumn[]
  pinned: number
  labelOf(column: ResolvedColumn): string
  onColumnsChange(columns: ResolvedColumn[]): void
  onPinnedChange(pinned: number): void
  onReset(): void
}

const MAX_PINNED = 5

/** Show or hide columns, move them (also possible by dragging headers), and pin the first ones. */
export function ColumnsMenu({ columns, pinned, labelOf, onColumnsChange, onPinnedChange, onReset }: Props) {
  const { t } = useTranslation()
  const visibleCount = columns.filter((c) => !c.hidden).length

  const move = (from: number, to: number) => {
    if (to < 0 || to >= columns.length) return
    const next = [...columns]
    const [item] = next.splice(from, 1)
    next.splice(to, 0, item!)
    onColumnsChange(next)
  }

  const content = (
    <Flex vertical gap={8} style={{ width: 300 }} data-testid="columns-menu">
      <Flex align="center" gap={8}>
        <Typography.Text>{t('grid.columns.pinFirst')}</Typography.Text>
        <InputNumber
          size="small"
          min={0}
          max={MAX_PINNED}
          precision={0}
          aria-label={t('grid.columns.pinFirst')}
          value={pinned}
          onChange={(value) => onPinnedChange(Math.max(0, Math.min(MAX_PINNED, value ?? 0)))}
          style={{ width: 64 }}
        />
      </Flex>
      <div className="wb-columns-list">
        {columns.map((column, i) => {
          const label = labelOf(column)
          return (
            <Flex key={column.column.key} align="center" gap={4} className="wb-columns-item">
              <Checkbox
                checked={!column.hidden}
                // The last visible column stays: a grid with no columns helps nobody.
                disabled={!column.hidden && visibleCount === 1}
                onChange={(e) => onColumnsChange(columns.map((c, j) => (j === i ? { ...c, hidden: !e.target.checked } : c)))}
              >
                {label}
              </Checkbox>
              <Flex flex={1} justify="end">
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('grid.columns.moveUp', { label })}
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('grid.columns.moveDown', { label })}
                  disabled={i === columns.length - 1}
                  onClick={() => move(i, i + 1)}
                />
              </Flex>
            </Flex>
          )
        })}
      </div>
      <Flex justify="end">
        <Button size="small" onClick={onReset}>
          {t('grid.columns.reset')}
        </Button>
      </Flex>
    </Flex>
  )

  return (
    <Popover trigger="click" placement="bottomRight" content={content}>
      <Button icon={<TableOutlined aria-hidden />}>{t('grid.columns.title')}</Button>
    </Popover>
  )
}
