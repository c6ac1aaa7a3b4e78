import { Col, Row, Segmented, Typography } from 'antd'
import type { EChartsCoreOption } from 'echarts/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Dashboard } from '../../../../../shared/methods/analytics'
import { useLabels } from '../../reference/hooks/useLabels'
import type { ValueFormats } from '../hooks/useFormatValue'
import { chartedMeasures, palette, type ChartModel } from '../utils/chartModel'
import {
  collectionsModel,
  conversionModel,
  countAmountModel,
  dwellModel,
  forecastModel,
  funnelModel,
  sourcesModel,
  winRateModel,
  type FunnelMeasure,
  type Translate,
} from '../utils/dashboardModels'
import { ChartCard } from './ChartCard'
import { KpiCards } from './KpiCards'
import { LeaderboardCard } from './LeaderboardCard'
import { RepurchaseCard } from './RepurchaseCard'

type WinRateBy = 'byOwner' | 'bySource' | 'byProductLine'
type LossesBy = 'byReason' | 'byCompetitor'

/** Every chart of the dashboard under the same filters. */
export function DashboardOverview({ data, formats }: { data: Dashboard; formats: ValueFormats }) {
  const { t } = useTranslation()
  const labels = useLabels()
  const [funnelMeasure, setFunnelMeasure] = useState<FunnelMeasure>('count')
  const [picked, setPicked] = useState<number | null>(null)
  // One pipeline's funnel at a time: stages of different pipelines do not stack into one funnel.
  const funnelPipelines = useMemo(() => [...new Set(data.funnel.layers.map((l) => l.pipelineId))], [data.funnel.layers])
  const funnelPipeline = picked !== null && funnelPipelines.includes(picked) ? picked : funnelPipelines[0]
  const [winRateBy, setWinRateBy] = useState<WinRateBy>('byOwner')
  const [lossesBy, setLossesBy] = useState<LossesBy>('byReason')

  const models = useMemo(() => {
    const tr: Translate = (key, options) => t(key, options ?? {})
    return {
      funnel: funnelModel(data.funnel, funnelPipeline, funnelMeasure, tr),
      conversion: conversionModel(data.conversion, tr),
      winRate: winRateModel([data.winRate.overall, ...data.winRate[winRateBy]], tr),
      dwell: dwellModel(data.dwell, tr),
      stale: countAmountModel(data.stale.byOwner, { count: t('dashboard.stale.count'), amount: t('dashboard.stale.amount') }, 'count'),
      sources: sourcesModel(data.sources, tr),
      losses: countAmountModel(data.losses[lossesBy], { count: t('dashboard.losses.count'), amount: t('dashboard.losses.amount') }, 'amount'),
      forecast: forecastModel(data.forecast, tr),
      collections: collectionsModel(data.collections, tr),
    }
  }, [data, funnelPipeline, funnelMeasure, winRateBy, lossesBy, t])
  const funnelOption = useMemo(() => funnelChartOption(models.funnel, formats), [models.funnel, formats])
  const overdue = data.collections.overdue

  const segmented = <T extends string>(label: string, value: T, onChange: (v: T) => void, keys: readonly T[], prefix: string) => (
    <Segmented<T> size="small" aria-label={label} value={value} onChange={onChange} options={keys.map((k) => ({ value: k, label: t(`${prefix}.${k}` as string) }))} />
  )

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <KpiCards data={data} formats={formats} />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          id="funnel"
          title={t('dashboard.funnel.title')}
          model={models.funnel}
          option={funnelOption}
          formats={formats}
          extra={segmented(t('dashboard.measure.label'), funnelMeasure, setFunnelMeasure, ['count', 'amount', 'weighted'] as const, 'dashboard.measure')}
        >
          {funnelPipelines.length > 1 && (
            <Segmented<number>
              size="small"
              aria-label={t('dashboard.filters.pipeline')}
              value={funnelPipeline}
              onChange={setPicked}
              options={funnelPipelines.map((id) => ({ value: id, label: labels.pipelineName(id) ?? String(id) }))}
            />
          )}
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard id="forecast" title={t('dashboard.forecast.title')} model={models.forecast} formats={formats} />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          id="win-rate"
          title={t('dashboard.winRate.title')}
          model={models.winRate}
          formats={formats}
          extra={segmented(t('dashboard.winRate.by'), winRateBy, setWinRateBy, ['byOwner', 'bySource', 'byProductLine'] as const, 'dashboard.winRate')}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard id="conversion" title={t('dashboard.conversion.title')} model={models.conversion} formats={formats} />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard id="sources" title={t('dashboard.sources.title')} model={models.sources} formats={formats} />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          id="losses"
          title={t('dashboard.losses.title')}
          model={models.losses}
          formats={formats}
          extra={segmented(t('dashboard.losses.title'), lossesBy, setLossesBy, ['byReason', 'byCompetitor'] as const, 'dashboard.losses')}
        />
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard id="stale" title={t('dashboard.stale.title')} model={models.stale} formats={formats} />
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard id="dwell" title={t('dashboard.dwell.title')} model={models.dwell} formats={formats} />
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard id="collections" title={t('dashboard.collections.title')} model={models.collections} formats={formats}>
          <Typography.Text type={overdue.amount > 0 ? 'danger' : 'secondary'}>
            {t('dashboard.collections.overdue', { amount: formats.format(overdue.amount, 'money'), count: overdue.contracts })}
          </Typography.Text>
        </ChartCard>
      </Col>
      <Col xs={24} xl={16}>
        <LeaderboardCard data={data.leaderboard} formats={formats} />
      </Col>
      <Col xs={24} xl={8}>
        <RepurchaseCard data={data.repurchase} formats={formats} />
      </Col>
    </Row>
  )
}

/** The funnel draws its one charted measure, layer by layer in stage order. */
function funnelChartOption(model: ChartModel, formats: ValueFormats): EChartsCoreOption {
  const measure = chartedMeasures(model)[0]!
  return {
    color: palette,
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}: ${formats.format(p.value, measure.format)}` },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '4%',
        width: '62%',
        minSize: '6%',
        gap: 2,
        cursor: 'pointer',
        // Beside the funnel, so small stages stay readable.
        label: {
          show: true,
          position: 'right',
          color: '#262626',
          formatter: (p: { name: string; value: number }) => `${p.name}  ${formats.format(p.value, measure.format)}`,
        },
        labelLine: { lineStyle: { color: '#bfbfbf' } },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        data: model.categories.map((name, i) => ({ name, value: measure.values[i] ?? 0 })),
      },
    ],
  }
}
