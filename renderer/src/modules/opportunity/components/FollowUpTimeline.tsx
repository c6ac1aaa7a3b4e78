import { Empty, Flex, Tag, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Activity } from '../../../../../shared/entities'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useLabels } from '../../reference/hooks/useLabels'

/** The deal's follow-ups, newest first: what happened, what the customer said, and what comes next. */
export function FollowUpTimeline({ activities }: { activities: Activity[] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const labels = useLabels()
  if (activities.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noFollowUps')} />
  const ordered = [...activities].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))

  return (
    <Timeline
      data-testid="follow-up-timeline"
      items={ordered.map((a) => ({
        key: a.id,
        title: (
          <Flex gap={8} align="center">
            <Tag>{labels.enumLabel('activityType', a.type)}</Tag>
            <span>{format.dateTime(a.occurredAt)}</span>
            <Typography.Text type="secondary">{labels.userName(a.ownerId) ?? a.ownerName}</Typography.Text>
          </Flex>
        ),
        content: (
          <>
            <Typography.Paragraph className="wb-pre-wrap">{a.content}</Typography.Paragraph>
            {a.feedback && <Typography.Paragraph type="secondary">{t('detail.feedback', { text: a.feedback })}</Typography.Paragraph>}
            {(a.nextPlan || a.nextDate) && (
              <Typography.Text type="secondary">
                {a.nextPlan ? t('detail.nextPlan', { text: a.nextPlan }) : ''}
                {a.nextDate ? ` ${t('deal.timeline.next', { date: format.date(a.nextDate) })}` : ''}
              </Typography.Text>
            )}
          </>
        ),
      }))}
    />
  )
}
