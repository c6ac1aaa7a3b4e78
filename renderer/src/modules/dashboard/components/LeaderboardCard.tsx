import { Button, Card, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Dashboard, Drill } from '../../../../../shared/methods/analytics'
import { canDrill, drillDown } from '../../pipeline/utils/drillDown'
import type { ValueFormats } from '../hooks/useFormatValue'
import type { Format } from '../utils/chartModel'

type Row = Dashboard['leaderboard']['rows'][number]

/** Reps side by side: results in the period, what they carry now, and their activity. */
export function LeaderboardCard({ data, formats }: { data: Dashboard['leaderboard']; formats: ValueFormats }) {
  const { t } = useTranslation()
  const title = t('dashboard.leaderboard.title')
  const column = (key: keyof Row & string, format: Format, drillOf?: (row: Row) => Drill) => ({
    key,
    title: t(`dashboard.leaderboard.${key}`),
    align: 'right' as const,
    sorter: (a: Row, b: Row) => ((a[key] as number | null) ?? -1) - ((b[key] as number | null) ?? -1),
    render: (_: unknown, row: Row) => {
      const value = row[key] as number | null
      const text = formats.format(value, format)
      const drill = drillOf?.(row)
      if (!canDrill(drill) || !value) return text
      return (
        <Button
          type="link"
          size="small"
          className="wb-drill-link"
          aria-label={t('dashboard.chart.drill', { title, row: row.label, series: t(`dashboard.leaderboard.${key}`), value: text })}
          onClick={() => drillDown(drill)}
        >
          {text}
        </Button>
      )
    },
  })
  return (
    <Card size="small" title={title} data-testid="chart-leaderboard">
      <Table<Row>
        size="small"
        aria-label={title}
        rowKey={(row) => String(row.key)}
        dataSource={data.rows}
        pagination={false}
        scroll={{ x: true, y: 320 }}
        columns={[
          { key: 'owner', title: t('dashboard.leaderboard.owner'), dataIndex: 'label', fixed: 'left' },
          column('won', 'count', (r) => r.drill.won),
          column('wonAmount', 'money', (r) => r.drill.won),
          column('lost', 'count'),
          column('winRate', 'percent'),
          column('openCount', 'count', (r) => r.drill.open),
          column('openAmount', 'money', (r) => r.drill.open),
          column('followUps', 'count'),
          column('overdueTasks', 'count'),
        ]}
      />
    </Card>
  )
}
