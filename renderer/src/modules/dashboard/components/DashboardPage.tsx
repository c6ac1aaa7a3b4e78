import { Alert, Card, Col, Row, Spin, Statistic } from 'antd'
import { useTranslation } from 'react-i18next'
import type { WorkspaceStats } from '../../../../../shared/api'
import { useApiQuery } from '../../../api/useApiQuery'
import { StageFunnel } from './StageFunnel'

const countKeys: (keyof WorkspaceStats['counts'])[] = [
  'opportunities',
  'leads',
  'accounts',
  'contacts',
  'activities',
  'tasks',
  'stageHistory',
  'users',
]

export function DashboardPage() {
  const { t } = useTranslation()
  const stats = useApiQuery('workspace.stats', {}, {
    reads: ['opportunity', 'lead', 'account', 'contact', 'activity', 'task', 'user'],
  })

  if (stats.error && !stats.data) return <Alert type="error" showIcon title={stats.error.message} />
  if (!stats.data) return <Spin className="wb-page-spinner" />
  const { counts, byStage } = stats.data

  return (
    <section className="wb-page wb-page-scroll" aria-label={t('dashboard.title')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('dashboard.funnel')}>
            <StageFunnel byStage={byStage} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('dashboard.counts')}>
            <Row gutter={[16, 24]}>
              {countKeys.map((key) => (
                <Col span={12} key={key}>
                  <Statistic title={t(`dashboard.countsBy.${key}`)} value={counts[key]} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </section>
  )
}
