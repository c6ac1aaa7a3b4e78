import { DownloadOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Flex, Segmented, Table, Tooltip } from 'antd'
import type { EChartsCoreOption } from 'echarts/core'
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { canDrill, drillDown } from '../../pipeline/utils/drillDown'
import { useECharts, type ChartHit } from '../hooks/useECharts'
import { categoryOption, chartedMeasures, drillAt, type ChartModel, type FormatValue } from '../utils/chartModel'
import { downloadDataUrl } from '../utils/download'
import type { ValueFormats } from '../hooks/useFormatValue'

interface Props {
  /** Names the chart for tests and file names: `chart-<id>`. */
  id: string
  title: string
  model: ChartModel
  formats: ValueFormats
  /** A chart other than bars over categories (the funnel); clicks still map to `model`'s measures. */
  option?: EChartsCoreOption
  extra?: ReactNode
  height?: number
  children?: ReactNode
}

type View = 'chart' | 'table'

/**
 * One dashboard chart with a table view of the same figures (readable
 * without the picture, and clickable), a PNG export and drill-down: a click
 * on a shape or on a number opens the deals behind it.
 */
export function ChartCard({ id, title, model, formats, option, extra, height = 300, children }: Props) {
  const { t } = useTranslation()
  const { locale } = usePreferences()
  const [view, setView] = useState<View>('chart')
  const drawn = useMemo(() => option ?? categoryOption(model, formats.format, formats.axis), [option, model, formats])
  const measures = useMemo(() => chartedMeasures(model), [model])
  const onHit = useCallback(
    ({ seriesIndex, dataIndex }: ChartHit) => {
      const drill = drillAt(measures, seriesIndex, dataIndex)
      if (canDrill(drill)) drillDown(drill)
    },
    [measures],
  )
  const { ref: chartRef, toPng } = useECharts(drawn, locale, onHit)
  const empty = model.categories.length === 0

  const exportPng = () => {
    const url = toPng()
    if (url) downloadDataUrl(url, `${title}.png`)
  }

  return (
    <Card
      size="small"
      title={title}
      data-testid={`chart-${id}`}
      extra={
        <Flex gap={8} align="center" wrap>
          {extra}
          <Segmented<View>
            size="small"
            aria-label={t('dashboard.chart.view', { title })}
            value={view}
            onChange={setView}
            options={[
              { value: 'chart', label: t('dashboard.chart.viewChart') },
              { value: 'table', label: t('dashboard.chart.viewTable') },
            ]}
          />
          <Tooltip title={t('dashboard.chart.exportPng')}>
            <Button size="small" icon={<DownloadOutlined />} aria-label={`${t('dashboard.chart.exportPng')}：${title}`} disabled={view !== 'chart' || empty} onClick={exportPng} />
          </Tooltip>
        </Flex>
      }
    >
      {children}
      {/* The canvas stays mounted under the table, so switching back does not redraw from scratch. */}
      <div className="wb-chart-area" hidden={view !== 'chart'}>
        <div ref={chartRef} className="wb-chart" style={{ height }} role="img" aria-label={title} />
        {empty && <Empty className="wb-chart-empty" description={t('dashboard.chart.empty')} />}
      </div>
      {view === 'table' && <ChartTable title={title} model={model} format={formats.format} />}
    </Card>
  )
}

interface Row {
  key: number
  category: string
}

function ChartTable({ title, model, format }: { title: string; model: ChartModel; format: FormatValue }) {
  const { t } = useTranslation()
  const rows: Row[] = model.categories.map((category, key) => ({ key, category }))
  const columns = [
    { key: 'category', title: t('dashboard.chart.category'), dataIndex: 'category' },
    ...model.measures.map((m) => ({
      key: m.key,
      title: m.name,
      align: 'right' as const,
      render: (_: unknown, row: Row) => {
        const value = m.values[row.key]
        const text = format(value, m.format)
        const drill = m.drills?.[row.key]
        if (!canDrill(drill) || !value) return text
        return (
          <Button
            type="link"
            size="small"
            className="wb-drill-link"
            aria-label={t('dashboard.chart.drill', { title, row: row.category, series: m.name, value: text })}
            onClick={() => drillDown(drill)}
          >
            {text}
          </Button>
        )
      },
    })),
  ]
  return <Table<Row> size="small" aria-label={t('dashboard.chart.table', { title })} columns={columns} dataSource={rows} pagination={false} scroll={{ x: true }} />
}
