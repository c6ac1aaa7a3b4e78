import { Empty, Flex, List, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Activity } from '../../../../../shared/entities'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useLabels } from '../../reference/hooks/useLabels'

export function ActivityList({ activities }: { activities: Activity[] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const labels = useLabels()
  if (activities.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noFollowUps')} />

  return (
    <List
      itemLayout="vertical"
      dataSource={activities}
      rowKey="id"
      renderItem={(a) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Flex gap={8} align="center">
                <Tag>{labels.enumLabel('activityType', a.type)}</Tag>
                <span>{format.dateTime(a.occurredAt)}</span>
                <Typography.Text type="secondary">{labels.userName(a.ownerId) ?? a.ownerName}</Typography.Text>
              </Flex>
            }
          />
          <Typography.Paragraph className="wb-pre-wrap">{a.content}</Typography.Paragraph>
          {a.feedback && <Typography.Paragraph type="secondary">{t('detail.feedback', { text: a.feedback })}</Typography.Paragraph>}
          {a.nextPlan && (
            <Typography.Text type="secondary">
              {t('detail.nextPlan', { text: a.nextPlan })}
              {a.nextDate ? ` (${format.date(a.nextDate)})` : ''}
            </Typography.Text>
          )}
        </List.Item>
      )}
    />
  )
}
