import { Alert, Badge, Card, Col, Empty, Flex, Row, Skeleton, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../../api/useApiQuery'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useWorkspaceEmpty } from '../../pipeline/hooks/useWorkspaceEmpty'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { AgendaList } from './AgendaList'
import { CollectionsCard } from './CollectionsCard'
import { StaleDealsList } from './StaleDealsList'
import '../styles/myDay.css'

const UPCOMING_DAYS = 7
const READS = { reads: ['task', 'activity', 'opportunity', 'lead', 'account', 'contact', 'contract', 'payment'] as const }

/** 今日: what is overdue, due today and coming up, deals gone stale, and money to collect, for the current user. */
export function MyDayPage() {
  const { t } = useTranslation()
  const format = useFormatters()
  const { currentUserId } = usePreferences()
  const day = useApiQuery('myDay.get', { upcomingDays: UPCOMING_DAYS, ...(currentUserId === null ? {} : { userId: currentUserId }) }, { ...READS, enabled: currentUserId !== null })
  const empty = useWorkspaceEmpty()

  // An empty workspace has no day to show: the app opens where the demo is offered instead.
  useEffect(() => {
    if (empty && !window.location.hash) window.location.replace('#/pipeline')
  }, [empty])

  const data = day.data
  const title = (text: string, count: number, color?: string) => (
    <Flex gap={8} align="center">
      <span>{text}</span>
      <Badge count={count} showZero color={color ?? (count > 0 ? undefined : '#bfbfbf')} overflowCount={999} />
    </Flex>
  )

  return (
    <section className="wb-page wb-myday" aria-label={t('myDay.nav')}>
      {currentUserId === null && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myDay.pickUser')} />}
      {day.error && <Alert type="error" showIcon title={day.error.message} />}
      {currentUserId !== null && !data && !day.error && <Skeleton active paragraph={{ rows: 10 }} />}
      {data && (
        <>
          <Typography.Paragraph type="secondary">{t('myDay.today', { date: format.date(data.today) })}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Flex vertical gap={16}>
                <Card size="small" className="wb-myday-scroll" title={title(t('myDay.overdue'), data.overdue.total, '#cf1322')}>
                  <AgendaList label={t('myDay.overdue')} items={data.overdue.items} total={data.overdue.total} />
                </Card>
                <Card size="small" title={title(t('myDay.dueToday'), data.dueToday.total, '#1677ff')}>
                  <AgendaList label={t('myDay.dueToday')} items={data.dueToday.items} total={data.dueToday.total} />
                </Card>
                <Card size="small" className="wb-myday-scroll" title={title(t('myDay.upcoming', { days: UPCOMING_DAYS }), data.upcoming.total)}>
                  <AgendaList label={t('myDay.upcoming', { days: UPCOMING_DAYS })} items={data.upcoming.items} total={data.upcoming.total} />
                </Card>
              </Flex>
            </Col>
            <Col xs={24} xl={10}>
              <Flex vertical gap={16}>
                <Card size="small" className="wb-myday-scroll" title={title(t('myDay.staleDeals'), data.staleDeals.total, '#fa8c16')}>
                  <StaleDealsList deals={data.staleDeals.items} total={data.staleDeals.total} />
                </Card>
                <CollectionsCard collections={data.collections} />
              </Flex>
            </Col>
          </Row>
        </>
      )}
    </section>
  )
}
