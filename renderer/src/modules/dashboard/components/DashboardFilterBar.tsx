import { DatePicker, Flex, Select } from 'antd'
import dayjs from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ResolvedPeriod } from '../../../../../shared/methods/analytics'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { usePicklistFields } from '../hooks/usePicklistFields'
import { periodPresets, presetDates, shownPeriod, withCustomPick, withPick, type DashboardFilters } from '../utils/filters'

interface Props {
  filters: DashboardFilters
  /** The period the last answer covered, shown in the range picker. */
  period: ResolvedPeriod | undefined
  onChange(next: DashboardFilters): void
}

const BLANK = '__blank__'
const toPick = (values: string[]) => values.map((v) => (v === BLANK ? null : v))
const fromPick = (values: (string | null)[] | undefined) => (values ?? []).map((v) => v ?? BLANK)

/** Period, people, source, product line, region, the deals' custom picklists and pipeline: the filters every chart shares. */
export function DashboardFilterBar({ filters, period, onChange }: Props) {
  const { t } = useTranslation()
  const { users, pipelines } = useReferenceData()
  const labels = useLabels()
  const customFields = usePicklistFields()
  const shown = shownPeriod(period)

  const presets = useMemo(() => {
    const today = new Date()
    return periodPresets.map((preset) => {
      const { from, to } = presetDates(preset, today)
      return { label: t(`dashboard.filters.presets.${preset}`), value: [dayjs(from), dayjs(to)] as [dayjs.Dayjs, dayjs.Dayjs] }
    })
  }, [t])
  const teams = useMemo(() => [...new Set(users.map((u) => u.team).filter((team): team is string => !!team))].sort(), [users])
  const picklist = (listKey: string, withBlank = true) => [
    ...labels.picklistItems(listKey).map((item) => ({ value: item.value, label: labels.bilingual(item.labelZh, item.labelEn) })),
    ...(withBlank ? [{ value: BLANK, label: t('dashboard.filters.blank') }] : []),
  ]
  const pick = (key: 'sources' | 'productLines' | 'regions', listKey: string) => (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      className="wb-dashboard-filter"
      aria-label={t(`dashboard.filters.${key}`)}
      placeholder={t(`dashboard.filters.${key}`)}
      value={fromPick(filters[key])}
      options={picklist(listKey)}
      onChange={(values: string[]) => onChange(withPick(filters, key, toPick(values)))}
    />
  )

  return (
    <Flex gap={8} wrap align="center" role="group" aria-label={t('dashboard.filters.label')}>
      <DatePicker.RangePicker
        aria-label={t('dashboard.filters.period')}
        value={shown ? [dayjs(shown[0]), dayjs(shown[1])] : null}
        presets={presets}
        allowClear
        placeholder={[t('dashboard.filters.presets.all'), t('dashboard.filters.presets.all')]}
        onChange={(range) =>
          onChange({
            ...filters,
            period: range?.[0] && range[1] ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : 'all',
          })
        }
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        className="wb-dashboard-filter"
        aria-label={t('dashboard.filters.owners')}
        placeholder={t('dashboard.filters.owners')}
        optionFilterProp="label"
        value={filters.ownerIds ?? []}
        options={users.map((u) => ({ value: u.id, label: labels.userName(u.id) ?? u.name }))}
        onChange={(ids: number[]) => onChange(withPick(filters, 'ownerIds', ids))}
      />
      <Select
        allowClear
        className="wb-dashboard-filter"
        aria-label={t('dashboard.filters.team')}
        placeholder={t('dashboard.filters.team')}
        value={filters.team}
        options={teams.map((team) => ({ value: team, label: team }))}
        onChange={(team?: string) => {
          const next = { ...filters, team }
          if (!team) delete next.team
          onChange(next)
        }}
      />
      {pick('sources', 'source')}
      {pick('productLines', 'product_line')}
      {pick('regions', 'region')}
      {customFields.map((field) => {
        const name = labels.bilingual(field.labelZh, field.labelEn)
        return (
          <Select
            key={field.key}
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            className="wb-dashboard-filter"
            aria-label={name}
            placeholder={name}
            value={fromPick(filters.custom?.[field.key])}
            // A multi-select value cannot be asked for "blank" (the grid's filter cannot either).
            options={picklist(field.picklistKey ?? '', field.type === 'picklist')}
            onChange={(values: string[]) => onChange(withCustomPick(filters, field.key, toPick(values)))}
          />
        )
      })}
      <Select
        allowClear
        className="wb-dashboard-filter"
        aria-label={t('dashboard.filters.pipeline')}
        placeholder={t('dashboard.filters.pipeline')}
        value={filters.pipelineId}
        options={[...pipelines].sort((a, b) => a.sortOrder - b.sortOrder).map((p) => ({ value: p.id, label: labels.bilingual(p.nameZh, p.nameEn) }))}
        onChange={(pipelineId?: number) => {
          const next = { ...filters, pipelineId }
          if (pipelineId === undefined) delete next.pipelineId
          onChange(next)
        }}
      />
    </Flex>
  )
}
