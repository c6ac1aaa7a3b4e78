import { Card, Col, Row, Statistic } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Dashboard } from '../../../../../shared/methods/analytics'
import type { ValueFormats } from '../hooks/useFormatValue'

/** Renewals closed in the period and how many customers bought again. */
export function RepurchaseCard({ data, formats }: { data: Dashboard['repurchase']; formats: ValueFormats }) {
  const { t } = useTranslation()
  const { format } = formats
  const figures = [
    { key: 'renewalRate', value: format(data.renewals.rate, 'percent') },
    { key: 'renewalsWon', value: format(data.renewals.won, 'count') },
    { key: 'renewalsLost', value: format(data.renewals.lost, 'count') },
    { key: 'repeatShare', value: format(data.customers.share, 'percent') },
    { key: 'repeatWins', value: `${format(data.repeatWins.count, 'count')} · ${format(data.repeatWins.amount, 'money')}` },
    { key: 'repeatCustomers', value: `${format(data.customers.repeatCustomers, 'count')} / ${format(data.customers.customers, 'count')}` },
  ]
  return (
    <Card size="small" title={t('dashboard.repurchase.title')} data-testid="chart-repurchase">
      <Row gutter={[12, 16]}>
        {figures.map((f) => (
          <Col key={f.key} span={12}>
            <Statistic title={t(`dashboard.repurchase.${f.key}`)} value={f.value} />
          </Col>
        ))}
      </Row>
    </Card>
  )
}
