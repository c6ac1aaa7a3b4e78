import { Card, Col, Row, Statistic } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Dashboard, Drill } from '../../../../../shared/methods/analytics'
import { canDrill, drillDown } from '../../pipeline/utils/drillDown'
import type { ValueFormats } from '../hooks/useFormatValue'

interface Kpi {
  key: string
  title: string
  value: string
  drill?: Drill
}

/** The headline figures: wins, deal size, sales cycle, win rate and deals past their close date. */
export function KpiCards({ data, formats }: { data: Dashboard; formats: ValueFormats }) {
  const { t } = useTranslation()
  const { format } = formats
  const kpis: Kpi[] = [
    { key: 'won', title: t('dashboard.kpi.won'), value: format(data.dealSize.won, 'count'), drill: data.dealSize.drill },
    { key: 'wonAmount', title: t('dashboard.kpi.wonAmount'), value: format(data.dealSize.wonAmount, 'money'), drill: data.dealSize.drill },
    { key: 'averageAmount', title: t('dashboard.kpi.averageAmount'), value: format(data.dealSize.averageAmount, 'money') },
    { key: 'medianCycle', title: t('dashboard.kpi.medianCycle'), value: format(data.dealSize.medianCycleDays, 'days') },
    { key: 'winRate', title: t('dashboard.kpi.overallWinRate'), value: format(data.winRate.overall.rateByCount, 'percent'), drill: data.winRate.overall.drill.closed },
    { key: 'pastDue', title: t('dashboard.kpi.pastDue'), value: format(data.forecast.pastDue.count, 'count'), drill: data.forecast.pastDue.drill },
  ]
  return (
    <Row gutter={[12, 12]} role="list" aria-label={t('dashboard.kpi.title')}>
      {kpis.map((kpi) => (
        <Col key={kpi.key} xs={12} md={8} xl={4} role="listitem">
          <Card size="small" data-testid={`kpi-${kpi.key}`}>
            <Statistic title={kpi.title} value={kpi.value} valueRender={(node) => drillable(kpi, node)} />
          </Card>
        </Col>
      ))}
    </Row>
  )
}

function drillable(kpi: Kpi, node: ReactNode): ReactNode {
  if (!canDrill(kpi.drill)) return node
  const drill = kpi.drill
  return (
    <button type="button" className="wb-kpi-link" aria-label={`${kpi.title}: ${kpi.value}`} onClick={() => drillDown(drill)}>
      {node}
    </button>
  )
}
