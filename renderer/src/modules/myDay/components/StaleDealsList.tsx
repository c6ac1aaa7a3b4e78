import { Empty, List, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { Opportunity } from '../../../../../shared/entities'
import { useFormatters } from '../../format/hooks/useFormatters'
import { openRecord } from '../../opportunity/states/recordOpener'
import { StageTag } from '../../reference/components/StageTag'

/** Deals with no activity for longer than their stage allows, each one click from its drawer. */
export function StaleDealsList({ deals, total }: { deals: Opportunity[]; total: number }) {
  const { t } = useTranslation()
  const format = useFormatters()
  if (deals.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myDay.nothingStale')} />
  return (
    <List<Opportunity>
      size="small"
      aria-label={t('myDay.staleDeals')}
      dataSource={deals}
      rowKey="id"
      footer={total > deals.length ? <Typography.Text type="secondary">{t('myDay.more', { count: total - deals.length })}</Typography.Text> : undefined}
      renderItem={(deal) => (
        <List.Item extra={<StageTag stageId={deal.stageId} fallback={deal.stageName} />}>
          <List.Item.Meta
            title={<Typography.Link onClick={() => openRecord({ entityType: 'opportunity', entityId: deal.id })}>{deal.name}</Typography.Link>}
            description={[
              deal.accountName,
              format.money(deal.amount, deal.currency),
              deal.lastActivityAt
                ? t('myDay.lastActivity', { days: dayjs().diff(dayjs(deal.lastActivityAt), 'day') })
                : t('myDay.noActivity'),
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        </List.Item>
      )}
    />
  )
}
