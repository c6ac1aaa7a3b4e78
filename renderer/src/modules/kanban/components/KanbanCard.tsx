import { MoreOutlined } from '@ant-design/icons'
import { useDraggable } from '@dnd-kit/core'
import { Button, Dropdown, Tag } from 'antd'
import { memo, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { Opportunity, Stage } from '../../../../../shared/entities'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useLabels } from '../../reference/hooks/useLabels'
import { cardFlags, daysInStage, type CardFlag } from '../utils/cardFlags'
import { openFollowUpEntry } from '../../followUps/states/followUpEntry'

interface Props {
  deal: Opportunity
  today: string
  now: Date
  /** Stages a card can be moved to from its menu (the keyboard's way to move it). */
  stages: Stage[]
  style?: CSSProperties
  /** Rendered in the drag overlay: no drag handle of its own. */
  overlay?: boolean
  onOpen?(id: number): void
  onMove?(deal: Opportunity, stageId: number): void
}

const flagColors: Record<CardFlag, string> = { rotting: 'orange', followUpOverdue: 'red', noFollowUp: 'default' }

/** One deal on the board: what a rep scans for, and the marks that say it needs attention. */
export const KanbanCard = memo(function KanbanCard({ deal, today, now, stages, style, overlay, onOpen, onMove }: Props) {
  const { t } = useTranslation()
  const format = useFormatters()
  const labels = useLabels()
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `card:${deal.id}`,
    data: { deal },
    disabled: overlay,
  })
  const flags = cardFlags(deal, today)
  const owner = labels.userName(deal.ownerId) ?? deal.ownerName

  return (
    <div
      ref={overlay ? undefined : setNodeRef}
      className={['wb-kanban-card', isDragging ? 'wb-kanban-card-dragging' : '', overlay ? 'wb-kanban-card-overlay' : '', flags.length ? 'wb-kanban-card-flagged' : ''].join(' ')}
      style={style}
      data-card-id={deal.id}
      data-testid="kanban-card"
      aria-roledescription={t('kanban.dragHint')}
      {...(overlay ? {} : attributes)}
      {...(overlay ? {} : listeners)}
      // The card itself is a drag handle; its title button opens it.
      role="group"
      aria-label={deal.name}
    >
      <div className="wb-kanban-card-head">
        <button
          type="button"
          className="wb-kanban-card-name"
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => onOpen?.(deal.id)}
          title={deal.name}
        >
          {deal.name}
        </button>
        {!overlay && onMove && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'open', label: t('kanban.open') },
                { key: 'followUp', label: t('followUps.logFollowUp') },
                {
                  key: 'move',
                  label: t('kanban.moveTo'),
                  children: stages
                    .filter((s) => s.id !== deal.stageId)
                    .map((s) => ({ key: `stage:${s.id}`, label: labels.bilingual(s.nameZh, s.nameEn) })),
                },
              ],
              onClick: ({ key }) => {
                if (key === 'open') onOpen?.(deal.id)
                else if (key === 'followUp') openFollowUpEntry({ entityType: 'opportunity', entityId: deal.id, name: deal.name })
                else if (key.startsWith('stage:')) onMove(deal, Number(key.slice(6)))
              },
            }}
          >
            <Button
              size="small"
              type="text"
              icon={<MoreOutlined />}
              aria-label={t('kanban.cardActions', { name: deal.name })}
              onPointerDown={(e) => e.stopPropagation()}
            />
          </Dropdown>
        )}
      </div>
      {deal.accountName && <div className="wb-kanban-card-account">{deal.accountName}</div>}
      <div className="wb-kanban-card-row">
        <strong className="wb-kanban-card-amount">{format.money(deal.amount, deal.currency) ?? t('common.empty')}</strong>
        <span className="wb-kanban-card-owner">{owner}</span>
      </div>
      <div className="wb-kanban-card-meta">
        {deal.expectedCloseDate && <span>{t('kanban.expectedClose', { date: format.date(deal.expectedCloseDate) })}</span>}
        <span>{t('kanban.daysInStage', { count: daysInStage(deal.stageEnteredAt, now) })}</span>
      </div>
      <div className="wb-kanban-card-meta">
        {deal.nextFollowUpDate && <span>{t('kanban.nextFollowUp', { date: format.date(deal.nextFollowUpDate) })}</span>}
        {flags.map((flag) => (
          <Tag key={flag} color={flagColors[flag]} className="wb-kanban-flag" data-flag={flag}>
            {t(`kanban.flags.${flag}`)}
          </Tag>
        ))}
      </div>
    </div>
  )
})
