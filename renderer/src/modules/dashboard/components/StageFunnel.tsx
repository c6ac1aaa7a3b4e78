import { Col, Empty, Row, Segmented, Statistic } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkspaceStats } from '../../../../../shared/api'
import { StageKind } from '../../../../../shared/enums'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { useECharts } from '../hooks/useECharts'

/** Open opportunities per stage of one pipeline, in stage order. */
export function StageFunnel({ byStage }: { byStage: WorkspaceStats['byStage'] }) {
  const { t } = useTranslation()
  const { locale } = usePreferences()
  const { pipelines, stages } = useReferenceData()
  const labels = useLabels()
  const ordered = useMemo(() => [...pipelines].sort((a, b) => a.sortOrder - b.sortOrder), [pipelines])
  const [pipelineId, setPipelineId] = useState(ordered[0]?.id)

  const { data, byKind } = useMemo(() => {
    const counts = new Map(byStage.map((s) => [s.stageId, s.count]))
    const pipelineStages = stages.filter((s) => s.pipelineId === pipelineId).sort((a, b) => a.sortOrder - b.sortOrder)
    const kindTotals = new Map(StageKind.options.map((kind) => [kind, 0]))
    for (const s of pipelineStages) kindTotals.set(s.kind, (kindTotals.get(s.kind) ?? 0) + (counts.get(s.id) ?? 0))
    return {
      data: pipelineStages
        .filter((s) => s.kind === 'open')
        .map((s) => ({ name: labels.bilingual(s.nameZh, s.nameEn), value: counts.get(s.id) ?? 0 })),
      byKind: kindTotals,
    }
  }, [byStage, stages, pipelineId, labels])
  const won = byKind.get('won') ?? 0
  const lost = byKind.get('lost') ?? 0

  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '4%',
          width: '68%',
          minSize: '8%',
          gap: 2,
          // Beside the funnel, so small stages stay readable.
          label: { show: true, position: 'right', formatter: '{b}  {c}', color: '#262626', fontSize: 13 },
          labelLine: { lineStyle: { color: '#bfbfbf' } },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          data,
        },
      ],
      color: ['#0958d9', '#1677ff', '#4096ff', '#69b1ff', '#91caff', '#bae0ff'],
    }),
    [data],
  )
  const chartRef = useECharts(option, locale)
  const empty = data.every((d) => d.value === 0)

  return (
    <>
      <Segmented
        aria-label={t('dashboard.pipeline')}
        value={pipelineId}
        onChange={setPipelineId}
        options={ordered.map((p) => ({ value: p.id, label: labels.bilingual(p.nameZh, p.nameEn) }))}
      />
      <div className="wb-chart-area">
        <div ref={chartRef} className="wb-chart" role="img" aria-label={t('dashboard.funnel')} data-testid="stage-funnel" />
        {empty && <Empty className="wb-chart-empty" description={t('dashboard.noOpenStages')} />}
      </div>
      <Row gutter={16}>
        {StageKind.options.map((kind) => (
          <Col span={6} key={kind}>
            <Statistic title={labels.enumLabel('stageKind', kind)} value={byKind.get(kind) ?? 0} />
          </Col>
        ))}
        <Col span={6}>
          <Statistic
            title={t('dashboard.winRate')}
            value={won + lost === 0 ? t('common.empty') : Math.round((won / (won + lost)) * 100)}
            suffix={won + lost === 0 ? undefined : '%'}
          />
        </Col>
      </Row>
    </>
  )
}
