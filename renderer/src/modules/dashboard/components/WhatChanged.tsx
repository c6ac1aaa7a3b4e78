import { CameraOutlined, DownloadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Col, Flex, Row, Select, Table, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChangeBucket, ChangeBucketKey, ChangedDeal } from '../../../../../shared/methods/analytics'
import type { ApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { useFormatters } from '../../format/hooks/useFormatters'
import { OpportunityDetailDrawer } from '../../opportunity/components/OpportunityDetailDrawer'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useECharts } from '../hooks/useECharts'
import type { ValueFormats } from '../hooks/useFormatValue'
import { downloadDataUrl } from '../utils/download'
import type { DashboardFilters } from '../utils/filters'
import { waterfallOption, waterfallSteps } from '../utils/waterfall'

const LIVE = 0
const SINCE_LAST_WEEK = 0

interface Props {
  filters: DashboardFilters
  formats: ValueFormats
}

/** The open pipeline's waterfall between two snapshots (or since last week), with the deals behind each bucket. */
export function WhatChanged({ filters, formats }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { locale } = usePreferences()
  const formatters = useFormatters()
  const [fromId, setFromId] = useState(SINCE_LAST_WEEK)
  const [toId, setToId] = useState(LIVE)
  const [bucketKey, setBucketKey] = useState<ChangeBucketKey | null>(null)
  const [openId, setOpenId] = useState<number | null>(null)
  const [taking, setTaking] = useState(false)

  const snapshots = useApiQuery('snapshots.list', {}, { reads: [] })
  const { period: _period, ...scope } = filters
  const query = { ...scope, ...(fromId ? { fromSnapshotId: fromId } : {}), ...(toId ? { toSnapshotId: toId } : {}) }
  const changes = useApiQuery('analytics.changes', query, { reads: ['opportunity'] })
  const data = changes.data

  const steps = useMemo(() => (data ? waterfallSteps(data, { start: t('dashboard.changes.start'), end: t('dashboard.changes.end') }) : []), [data, t])
  const option = useMemo(
    () =>
      waterfallOption(
        steps,
        { base: t('dashboard.changes.base'), increase: t('dashboard.changes.increase'), decrease: t('dashboard.changes.decrease') },
        (v) => formats.format(v, 'money'),
        (v) => formats.axis(v, 'money'),
      ),
    [steps, t, formats],
  )
  const { ref: chartRef, toPng } = useECharts(option, locale, ({ dataIndex }) => {
    const bucket = steps[dataIndex]?.bucket
    if (bucket) setBucketKey(bucket.key)
  })
  const bucket = data?.buckets.find((b) => b.key === bucketKey) ?? null

  const takeSnapshot = async () => {
    setTaking(true)
    try {
      await api.call('snapshots.take', {})
      message.success(t('dashboard.changes.snapshotTaken'))
      snapshots.refetch()
      changes.refetch()
    } catch (error) {
      message.error((error as ApiCallError).message)
    } finally {
      setTaking(false)
    }
  }

  const snapshotOptions = (snapshots.data ?? []).map((s) => ({
    value: s.id,
    label: t('dashboard.changes.snapshotLabel', {
      time: formatters.dateTime(s.takenAt),
      kind: t(`dashboard.changes.kinds.${s.kind}`),
      count: s.dealCount,
    }),
  }))
  const error = changes.error ?? snapshots.error
  const money = (v: number | null) => formats.format(v, 'money')

  return (
    <Flex vertical gap={16} data-testid="what-changed">
      <Flex gap={8} wrap align="center">
        <Select
          className="wb-snapshot-select"
          aria-label={t('dashboard.changes.from')}
          value={fromId}
          onChange={setFromId}
          options={[{ value: SINCE_LAST_WEEK, label: t('dashboard.changes.sinceLastWeek') }, ...snapshotOptions]}
        />
        <span aria-hidden>→</span>
        <Select
          className="wb-snapshot-select"
          aria-label={t('dashboard.changes.to')}
          value={toId}
          onChange={setToId}
          options={[{ value: LIVE, label: t('dashboard.changes.live') }, ...snapshotOptions]}
        />
        <Button icon={<CameraOutlined />} loading={taking} onClick={() => void takeSnapshot()}>
          {t('dashboard.changes.takeSnapshot')}
        </Button>
      </Flex>
      {error && <Alert type={error.code === 'NO_SNAPSHOT' ? 'info' : 'error'} showIcon title={error.code === 'NO_SNAPSHOT' ? t('dashboard.changes.noSnapshot') : error.message} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t('dashboard.changes.waterfall')}
            extra={
              <Button
                size="small"
                icon={<DownloadOutlined />}
                aria-label={`${t('dashboard.chart.exportPng')}：${t('dashboard.changes.waterfall')}`}
                disabled={!data}
                onClick={() => {
                  const url = toPng()
                  if (url) downloadDataUrl(url, `${t('dashboard.changes.waterfall')}.png`)
                }}
              />
            }
          >
            <div ref={chartRef} className="wb-chart" style={{ height: 320 }} role="img" aria-label={t('dashboard.changes.waterfall')} data-testid="waterfall" />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <BucketTable buckets={data?.buckets ?? []} money={money} onOpen={setBucketKey} totals={data} />
        </Col>
      </Row>
      {bucket && (
        <Card size="small" title={t('dashboard.changes.deals', { bucket: bucket.label, count: bucket.count })} data-testid="bucket-deals">
          <DealTable deals={bucket.deals} money={money} onOpen={setOpenId} />
        </Card>
      )}
      {openId !== null && <OpportunityDetailDrawer opportunityId={openId} onClose={() => setOpenId(null)} />}
    </Flex>
  )
}

interface BucketTableProps {
  buckets: ChangeBucket[]
  totals: { startAmount: number; endAmount: number; startCount: number; endCount: number } | undefined
  money(value: number | null): string
  onOpen(key: ChangeBucketKey): void
}

/** Every bucket, flows first: the waterfall's figures as a table whose rows open the deals. */
function BucketTable({ buckets, totals, money, onOpen }: BucketTableProps) {
  const { t } = useTranslation()
  const ordered = [...buckets.filter((b) => b.flow), ...buckets.filter((b) => !b.flow)]
  return (
    <Card size="small" title={t('dashboard.changes.title')}>
      {totals && (
        <Typography.Paragraph type="secondary">
          {t('dashboard.changes.start')} {money(totals.startAmount)} ({totals.startCount}) → {t('dashboard.changes.end')} {money(totals.endAmount)} (
          {totals.endCount})
        </Typography.Paragraph>
      )}
      <Table<ChangeBucket>
        size="small"
        aria-label={t('dashboard.changes.title')}
        rowKey="key"
        pagination={false}
        dataSource={ordered}
        columns={[
          {
            key: 'label',
            title: t('dashboard.chart.category'),
            render: (_, b) => (
              <>
                {b.label} {!b.flow && <Tag>{t('dashboard.changes.moves')}</Tag>}
              </>
            ),
          },
          {
            key: 'count',
            title: t('dashboard.measure.count'),
            align: 'right',
            render: (_, b) =>
              b.count > 0 ? (
                <Button
                  type="link"
                  size="small"
                  aria-label={t('dashboard.changes.openBucket', { bucket: b.label, count: b.count, amount: money(b.amount) })}
                  onClick={() => onOpen(b.key)}
                >
                  {b.count}
                </Button>
              ) : (
                0
              ),
          },
          { key: 'amount', title: t('dashboard.measure.amount'), align: 'right', render: (_, b) => money(b.amount) },
        ]}
      />
    </Card>
  )
}

function DealTable({ deals, money, onOpen }: { deals: ChangedDeal[]; money(value: number | null): string; onOpen(id: number): void }) {
  const { t } = useTranslation()
  const fromTo = (from: string | null, to: string | null) => (from === to ? (to ?? t('common.empty')) : `${from ?? t('common.empty')} → ${to ?? t('common.empty')}`)
  return (
    <Table<ChangedDeal>
      size="small"
      rowKey="opportunityId"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={deals}
      columns={[
        {
          key: 'name',
          title: t('dashboard.changes.columns.name'),
          render: (_, d) => (
            <Button type="link" size="small" onClick={() => onOpen(d.opportunityId)}>
              {d.name}
            </Button>
          ),
        },
        { key: 'owner', title: t('dashboard.changes.columns.owner'), dataIndex: 'ownerName' },
        { key: 'stage', title: t('dashboard.changes.columns.stage'), render: (_, d) => fromTo(d.fromStage, d.toStage) },
        {
          key: 'amount',
          title: t('dashboard.changes.columns.amount'),
          align: 'right',
          render: (_, d) => (d.fromAmount === d.toAmount ? money(d.toAmount) : `${money(d.fromAmount)} → ${money(d.toAmount)}`),
        },
        { key: 'close', title: t('dashboard.changes.columns.closeDate'), render: (_, d) => fromTo(d.fromCloseDate, d.toCloseDate) },
        { key: 'effect', title: t('dashboard.changes.columns.effect'), align: 'right', render: (_, d) => money(d.amount) },
      ]}
    />
  )
}
