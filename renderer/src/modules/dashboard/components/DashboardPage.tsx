import { Alert, Flex, Spin, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../../api/useApiQuery'
import { useFormatValue } from '../hooks/useFormatValue'
import { initialFilters, type DashboardFilters } from '../utils/filters'
import { BreakdownCard } from './BreakdownCard'
import { DashboardFilterBar } from './DashboardFilterBar'
import { DashboardOverview } from './DashboardOverview'
import { WeeklyReviewButton } from './WeeklyReviewButton'
import { WhatChanged } from './WhatChanged'
import '../styles/dashboard.css'

type Tab = 'overview' | 'changes'

/** The manager's dashboard: every chart under shared filters, what changed since a snapshot, and the weekly review. */
export function DashboardPage() {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<DashboardFilters>(initialFilters)
  const [tab, setTab] = useState<Tab>('overview')
  const dashboard = useApiQuery('analytics.dashboard', filters, {
    reads: ['opportunity', 'lead', 'account', 'activity', 'task', 'user', 'contract', 'payment'],
  })
  const data = dashboard.data
  const currency = data?.money.currency ?? 'CNY'
  const formats = useFormatValue(currency)

  const overview = () => {
    if (dashboard.error && !data) return <Alert type="error" showIcon title={dashboard.error.message} />
    if (!data) return <Spin className="wb-page-spinner" />
    return (
      <Flex vertical gap={16}>
        <DashboardOverview data={data} formats={formats} />
        <BreakdownCard filters={filters} formats={formats} />
      </Flex>
    )
  }

  return (
    <section className="wb-page wb-page-scroll" aria-label={t('dashboard.title')} aria-busy={dashboard.loading}>
      <Flex vertical gap={12}>
        <Flex gap={12} wrap align="center" justify="space-between">
          <DashboardFilterBar filters={filters} period={data?.period} onChange={setFilters} />
          <WeeklyReviewButton />
        </Flex>
        <Flex gap={12} align="center">
          <Typography.Text type="secondary" data-testid="dashboard-money">
            {t('dashboard.money', { currency })}
          </Typography.Text>
          {dashboard.loading && data && <Spin size="small" aria-label={t('dashboard.loading')} />}
        </Flex>
        {dashboard.error && data && <Alert type="error" showIcon title={dashboard.error.message} />}
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as Tab)}
          destroyOnHidden
          items={[
            { key: 'overview', label: t('dashboard.tabs.overview'), children: overview() },
            { key: 'changes', label: t('dashboard.tabs.changes'), children: <WhatChanged filters={filters} formats={formats} /> },
          ]}
        />
      </Flex>
    </section>
  )
}
