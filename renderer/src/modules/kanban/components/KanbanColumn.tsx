import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import { useDroppable } from '@dnd-kit/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { Empty } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Opportunity, Stage } from '../../../../../shared/entities'
import type { GroupRow } from '../../../../../shared/query'
import { useFormatters } from '../../format/hooks/useFormatters'
import type { RowCache } from '../../grid/utils/rowCache'
import { KanbanCard } from './KanbanCard'

const CARD_HEIGHT = 144
const CARD_GAP = 8
const OVERSCAN = 4
/** Cards laid out before the column's count is known. */
const FIRST_WINDOW = 8

interface Props {
  stage: Stage
  stageName: string
  group: GroupRow | undefined
  segment: string
  cache: RowCache
  /** Changes whenever the cache does, so the column reads fresh rows. */
  version: number
  collapsed: boolean
  onToggle(stageId: number): void
  baseCurrency: string
  today: string
  now: Date
  stages: Stage[]
  onOpen(id: number): void
  onMove(deal: Opportunity, stageId: number): void
  /** The card being dragged, dimmed where it was. */
  draggingId: number | null
}

/**
 * One stage: its header with count, sum and weighted sum, then its cards,
 * loaded a window at a time and virtualised so a stage of 30,000 deals
 * scrolls like one of thirty.
 */
export function KanbanColumn(props: Props) {
  const { t } = useTranslation()
  const format = useFormatters()
  const { stage, group, segment, cache, version, collapsed } = props
  // The header's count comes from grid.groups; until it answers, the column's own first window counts.
  const count = group?.count ?? cache.total(segment) ?? 0
  const rows = group || cache.total(segment) !== undefined ? count : FIRST_WINDOW
  const scrollRef = useRef<HTMLDivElement>(null)
  const { setNodeRef, isOver } = useDroppable({ id: `stage:${stage.id}`, data: { stageId: stage.id } })

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: collapsed ? 0 : rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT + CARD_GAP,
    overscan: OVERSCAN,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0
  useEffect(() => {
    if (!collapsed && rows > 0) cache.want(segment, first, last)
  }, [cache, segment, first, last, collapsed, rows])

  const header = (
    <div className="wb-kanban-column-head">
      <button
        type="button"
        className="wb-kanban-collapse"
        aria-expanded={!collapsed}
        aria-label={t(collapsed ? 'kanban.expand' : 'kanban.collapse', { stage: props.stageName })}
        onClick={() => props.onToggle(stage.id)}
      >
        {collapsed ? <RightOutlined aria-hidden /> : <LeftOutlined aria-hidden />}
      </button>
      <div className="wb-kanban-column-title">
        <span className={`wb-kanban-stage wb-kanban-stage-${stage.kind}`}>{props.stageName}</span>
        <span className="wb-kanban-count" data-testid="kanban-count">
          {t('kanban.count', { count, formatted: format.number(count) })}
        </span>
      </div>
      {!collapsed && (
        <div className="wb-kanban-sums">
          <span data-testid="kanban-amount">{t('kanban.amount', { value: format.money(group?.amount ?? 0, props.baseCurrency) })}</span>
          <span data-testid="kanban-weighted">{t('kanban.weighted', { value: format.money(group?.weightedAmount ?? 0, props.baseCurrency) })}</span>
        </div>
      )}
    </div>
  )

  return (
    <section
      ref={setNodeRef}
      className={['wb-kanban-column', collapsed ? 'wb-kanban-column-collapsed' : '', isOver ? 'wb-kanban-column-over' : ''].join(' ')}
      aria-label={t('kanban.columnLabel', { stage: props.stageName, count })}
      data-stage-id={stage.id}
      data-testid="kanban-column"
    >
      {header}
      {!collapsed && (
        <div ref={scrollRef} className="wb-kanban-cards">
          {rows === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kanban.empty')} />}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              void version
              const deal = cache.rowAt(segment, item.index) as Opportunity | undefined
              const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, height: CARD_HEIGHT, transform: `translateY(${item.start}px)` }
              if (!deal) return <div key={item.index} className="wb-kanban-card wb-kanban-card-loading" style={style} aria-busy="true" />
              return (
                <KanbanCard
                  key={deal.id}
                  deal={deal}
                  today={props.today}
                  now={props.now}
                  stages={props.stages}
                  style={{ ...style, opacity: props.draggingId === deal.id ? 0.4 : 1 }}
                  onOpen={props.onOpen}
                  onMove={props.onMove}
                />
              )
            })}
          </div>
        </div>
      )}
    </section>
  )
}
