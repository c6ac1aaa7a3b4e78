import { Empty, Flex, List, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Opportunity } from '../../../../../shared/entities'
import { useFormatters } from '../../format/hooks/useFormatters'
import { StageTag } from '../../reference/components/StageTag'
import { useLabels } from '../../reference/hooks/useLabels'
import { RecordLink } from './RecordLink'

/** An account's or contact's deals: stage, amount, owner; each opens its drawer. */
export function DealList({ deals }: { deals: Opportunity[] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const labels = useLabels()
  if (deals.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.deals.none')} />
  return (
    <List
      data-testid="record-deals"
      dataSource={deals}
      rowKey="id"
      renderItem={(deal) => (
        <List.Item extra={<StageTag stageId={deal.stageId} fallback={deal.stageName} />}>
          <List.Item.Meta
            title={<RecordLink entityType="opportunity" entityId={deal.id} name={deal.name} />}
            description={
              <Flex gap={12} wrap>
                <span>{format.money(deal.amount, deal.currency) ?? t('common.empty')}</span>
                <span>{labels.userName(deal.ownerId) ?? deal.ownerName}</span>
                {deal.expectedCloseDate && <span>{format.date(deal.expectedCloseDate)}</span>}
                {deal.previousOpportunityId !== null && (
                  <Typography.Text type="secondary">{t('records.deals.renewal', { id: deal.previousOpportunityId })}</Typography.Text>
                )}
              </Flex>
            }
          />
        </List.Item>
      )}
    />
  )
}
