import { Alert, Button, Checkbox, Flex, Form, Input, Radio, Select, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Currency } from '../../../../../shared/enums'
import type { ColumnMapping, ImportTargetInfo, InspectedColumn } from '../../../../../shared/methods/imports'
import { useApiQuery } from '../../../api/useApiQuery'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import type { useImportWizard } from '../hooks/useImportWizard'
import { customTargetOf, missingRequired, repeatedTargets, withColumn } from '../utils/mapping'

type Wizard = ReturnType<typeof useImportWizard>

const unitOptions = [
  { value: 1, key: 'one' },
  { value: 1000, key: 'thousand' },
  { value: 10000, key: 'tenThousand' },
] as const

/** Step 2: every column of the file to a field (or left out), a saved template, and what to do with duplicates and unknown values. */
export function MappingStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation()
  const { locale } = usePreferences()
  const { state } = wizard
  const inspection = state.inspection!
  const templates = useApiQuery('imports.templates.list', { entity: state.entity }, { reads: [state.entity] })
  const labelOf = (target: ImportTargetInfo) => (locale === 'zh-CN' ? target.labelZh : target.labelEn)
  const targetLabel = (key: string) => {
    const target = inspection.targets.find((t) => t.key === key)
    return target ? labelOf(target) : key.replace(/^custom:/, '')
  }

  const repeated = repeatedTargets(state.mapping)
  const missing = missingRequired(state.mapping, inspection.targets)
  const nothingMapped = state.mapping.every((m) => m.target === null)
  const inspected = new Map(inspection.columns.map((c) => [c.index, c]))
  const update = (index: number, patch: Partial<ColumnMapping>) => wizard.setMapping(withColumn(state.mapping, index, patch))

  const targetOptions = (column: ColumnMapping) => {
    // Free text kept under the header's name, unless the workspace already defines a field by that key.
    const custom = customTargetOf(column.header)
    const offerCustom = custom !== null && !inspection.targets.some((target) => target.key === custom)
    return [
      { value: '', label: t('importExport.mapping.ignore') },
      ...inspection.targets.map((target) => ({
        value: target.key,
        label: target.required ? `${labelOf(target)} (${t('importExport.mapping.required')})` : labelOf(target),
      })),
      ...(offerCustom ? [{ value: custom, label: t('importExport.mapping.custom', { name: custom.slice('custom:'.length) }) }] : []),
    ]
  }

  return (
    <Flex vertical gap={16}>
      {state.templateName ? (
        <Alert type="success" showIcon title={t('importExport.mapping.templateNote', { name: state.templateName })} />
      ) : (
        <Alert type="info" showIcon title={t('importExport.mapping.autoNote')} />
      )}
      {(templates.data?.length ?? 0) > 0 && (
        <Flex gap={8} align="center">
          <Typography.Text>{t('importExport.mapping.template')}</Typography.Text>
          <Select<number>
            aria-label={t('importExport.mapping.template')}
            placeholder={t('importExport.mapping.templatePlaceholder')}
            value={null}
            onChange={(id) => {
              const template = templates.data?.find((tpl) => tpl.id === id)
              if (template) wizard.applySavedTemplate(template)
            }}
            options={templates.data?.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
            style={{ minWidth: 220 }}
          />
        </Flex>
      )}
      <Table<ColumnMapping>
        size="small"
        rowKey="index"
        pagination={false}
        scroll={{ y: 420 }}
        dataSource={state.mapping}
        columns={[
          {
            key: 'source',
            title: t('importExport.mapping.source'),
            width: 220,
            render: (_, column) => <SourceCell column={column} inspected={inspected.get(column.index)} autoLabel={t('importExport.mapping.auto')} />,
          },
          {
            key: 'samples',
            title: t('importExport.mapping.samples'),
            ellipsis: true,
            render: (_, column) => (
              <Typography.Text type="secondary">{(inspected.get(column.index)?.samples ?? []).slice(0, 3).join(' · ')}</Typography.Text>
            ),
          },
          {
            key: 'target',
            title: t('importExport.mapping.target'),
            width: 520,
            render: (_, column) => (
              <Flex gap={8}>
                <Select<string>
                  aria-label={`${t('importExport.mapping.target')}: ${column.header}`}
                  status={column.target !== null && repeated.includes(column.target) ? 'error' : undefined}
                  value={column.target ?? ''}
                  onChange={(target) => update(column.index, { target: target || null })}
                  showSearch={{ optionFilterProp: 'label' }}
                  popupMatchSelectWidth={false}
                  options={targetOptions(column)}
                  style={{ width: 200 }}
                />
                {column.target === 'amount' && <AmountSettings column={column} onChange={(patch) => update(column.index, patch)} />}
              </Flex>
            ),
          },
        ]}
      />
      {repeated.length > 0 && <Alert type="error" showIcon title={t('importExport.mapping.repeated', { fields: repeated.map(targetLabel).join(', ') })} />}
      {nothingMapped && <Alert type="error" showIcon title={t('importExport.mapping.nothing')} />}
      {missing.length > 0 && <Alert type="warning" showIcon title={t('importExport.mapping.missing', { fields: missing.map(labelOf).join(', ') })} />}
      <Form layout="vertical" component={false}>
        <Typography.Title level={5}>{t('importExport.mapping.options')}</Typography.Title>
        <Form.Item label={t('importExport.mapping.onDuplicate')}>
          <Radio.Group
            aria-label={t('importExport.mapping.onDuplicate')}
            value={state.onDuplicate}
            onChange={(e) => wizard.setOptions({ onDuplicate: e.target.value })}
            options={(['skip', 'update', 'create'] as const).map((value) => ({ value, label: t(`importExport.mapping.duplicate.${value}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('importExport.mapping.onUnknown')}>
          <Radio.Group
            aria-label={t('importExport.mapping.onUnknown')}
            value={state.onUnknown}
            onChange={(e) => wizard.setOptions({ onUnknown: e.target.value })}
            options={(['error', 'create'] as const).map((value) => ({ value, label: t(`importExport.mapping.unknown.${value}`) }))}
          />
        </Form.Item>
        <Flex gap={8} align="center" wrap>
          <Checkbox checked={state.saveTemplate} onChange={(e) => wizard.setOptions({ saveTemplate: e.target.checked })}>
            {t('importExport.mapping.saveTemplate')}
          </Checkbox>
          {state.saveTemplate && (
            <Input
              aria-label={t('importExport.mapping.saveTemplatePlaceholder')}
              placeholder={t('importExport.mapping.saveTemplatePlaceholder')}
              value={state.templateNameToSave}
              maxLength={200}
              onChange={(e) => wizard.setOptions({ templateNameToSave: e.target.value })}
              style={{ width: 260 }}
            />
          )}
        </Flex>
      </Form>
      <Flex gap={8} justify="end">
        <Button onClick={() => wizard.goTo('file')}>{t('importExport.mapping.back')}</Button>
        <Button
          type="primary"
          disabled={repeated.length > 0 || nothingMapped}
          onClick={() => {
            wizard.goTo('preview')
            if (!state.preview) void wizard.preview()
          }}
        >
          {t('importExport.preview.run')}
        </Button>
      </Flex>
    </Flex>
  )
}

function SourceCell({ column, inspected, autoLabel }: { column: ColumnMapping; inspected: InspectedColumn | undefined; autoLabel: string }) {
  // The core's own guess is marked, so the person knows which fields to double-check.
  const auto = inspected !== undefined && inspected.target !== null && inspected.target === column.target && inspected.confidence > 0
  return (
    <Flex gap={6} align="center" wrap>
      <Typography.Text strong>{column.header}</Typography.Text>
      {auto && <Tag color="blue">{autoLabel}</Tag>}
    </Flex>
  )
}

function AmountSettings({ column, onChange }: { column: ColumnMapping; onChange(patch: Partial<ColumnMapping>): void }) {
  const { t } = useTranslation()
  return (
    <>
      <Select<string>
        aria-label={`${t('importExport.mapping.currency')}: ${column.header}`}
        value={column.currency ?? ''}
        onChange={(currency) => onChange({ currency: currency ? (currency as Currency) : null })}
        showSearch={{ optionFilterProp: 'label' }}
        options={[{ value: '', label: t('importExport.mapping.currencyDefault') }, ...Currency.options.map((c) => ({ value: c, label: c }))]}
        style={{ width: 110 }}
      />
      <Select<number>
        aria-label={`${t('importExport.mapping.unit')}: ${column.header}`}
        value={column.unitMultiplier ?? 1}
        onChange={(unit) => onChange({ unitMultiplier: unit === 1 ? null : unit })}
        options={unitOptions.map((u) => ({ value: u.value, label: t(`importExport.mapping.units.${u.key}`) }))}
        popupMatchSelectWidth={false}
        style={{ width: 130 }}
      />
    </>
  )
}
