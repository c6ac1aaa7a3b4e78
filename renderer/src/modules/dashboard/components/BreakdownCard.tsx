import { Alert, Flex, Segmented, Select } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BreakdownField } from '../../../../../shared/methods/analytics'
import { useApiQuery } from '../../../api/useApiQuery'
import { useLabels } from '../../reference/hooks/useLabels'
import type { ValueFormats } from '../hooks/useFormatValue'
import { usePicklistFields } from '../hooks/usePicklistFields'
import { breakdownModel, type BreakdownMeasure } from '../utils/dashboardModels'
import type { DashboardFilters } from '../utils/filters'
import { ChartCard } from './ChartCard'

const builtIn = ['source', 'productLine', 'region'] as const

/** Win rate and open pipeline by the values of a picklist the manager picks: built-in or custom. */
export function BreakdownCard({ filters, formats }: { filters: DashboardFilters; formats: ValueFormats }) {
  const { t } = useTranslation()
  const labels = useLabels()
  const customFields = usePicklistFields()
  const [picked, setPicked] = useState<BreakdownField>('source')
  const [view, setView] = useState<BreakdownMeasure>('winRate')
  const fields = useMemo(
    () => [
      ...builtIn.map((key) => ({ value: key as BreakdownField, label: t(`dashboard.breakdown.fields.${key}`) })),
      ...customFields.map((f) => ({ value: `custom.${f.key}` as BreakdownField, label: labels.bilingual(f.labelZh, f.labelEn) })),
    ],
    [customFields, labels, t],
  )
  // A custom field deleted meanwhile falls back to the first built-in one.
  const field = fields.some((f) => f.value === picked) ? picked : 'source'
  const query = useApiQuery('analytics.breakdown', { filters, field }, { reads: ['opportunity', 'account', 'user'] })
  const model = useMemo(() => breakdownModel(query.data?.rows ?? [], view, (key, options) => t(key, options ?? {})), [query.data, view, t])

  return (
    <ChartCard
      id="breakdown"
      title={t('dashboard.breakdown.title')}
      model={model}
      formats={formats}
      extra={
        <Flex gap={8} align="center" wrap>
          <Select
            size="small"
            className="wb-dashboard-filter"
            aria-label={t('dashboard.breakdown.field')}
            value={field}
            options={fields}
            onChange={setPicked}
          />
          <Segmented<BreakdownMeasure>
            size="small"
            aria-label={t('dashboard.breakdown.view')}
            value={view}
            onChange={setView}
            options={(['winRate', 'pipeline'] as const).map((key) => ({ value: key, label: t(`dashboard.breakdown.views.${key}`) }))}
          />
        </Flex>
      }
    >
      {query.error && <Alert type="error" showIcon title={query.error.message} />}
    </ChartCard>
  )
}
