import { Alert, Button, Checkbox, Flex, Form, Modal, Select, Table } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CustomFieldType, type CustomField } from '../../../../../shared/entities'
import type { TypeChangeResult } from '../../../../../shared/methods/config'
import { api } from '../../../api/client'
import { isApiCallError } from '../../../api/ApiCallError'
import { useLabels } from '../../reference/hooks/useLabels'
import { usePicklistOptions } from '../hooks/usePicklistOptions'
import { picklistTypes } from '../utils/fieldTypes'

interface Props {
  /** The field whose type changes, or null when closed; mount it keyed by the field so each opens afresh. */
  field: CustomField | null
  onClose(changed: boolean): void
}

/**
 * Changing a field's type: a dry run first lists the records whose value
 * cannot be converted; applying then needs an explicit "clear those values".
 */
export function ChangeTypeModal({ field, onClose }: Props) {
  const { t } = useTranslation()
  const labels = useLabels()
  const picklistOptions = usePicklistOptions()
  const [type, setType] = useState<CustomFieldType>()
  const [picklistKey, setPicklistKey] = useState<string | null>(field?.picklistKey ?? null)
  const [report, setReport] = useState<TypeChangeResult | null>(null)
  const [clear, setClear] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const needsList = type !== undefined && picklistTypes.has(type)
  const call = async (dryRun: boolean) => {
    if (!field || !type) return
    setBusy(true)
    setError(undefined)
    try {
      const result = await api.call('customFields.changeType', {
        id: field.id,
        version: field.version,
        type,
        picklistKey: needsList ? picklistKey : null,
        dryRun,
        clearUnconvertible: clear,
      })
      if (dryRun) setReport(result)
      else onClose(true)
    } catch (e) {
      setError(isApiCallError(e) ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  const failures = report?.failureCount ?? 0
  return (
    <Modal
      open={field !== null}
      title={field ? t('customFields.changeType.title', { name: labels.bilingual(field.labelZh, field.labelEn) }) : ''}
      onCancel={() => onClose(false)}
      width={640}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
          <Button disabled={!type || (needsList && !picklistKey)} loading={busy && !report} onClick={() => void call(true)}>
            {t('customFields.changeType.check')}
          </Button>
          <Button type="primary" danger={failures > 0} disabled={!report || (failures > 0 && !clear)} loading={busy && report !== null} onClick={() => void call(false)}>
            {t('customFields.changeType.apply')}
          </Button>
        </Flex>
      }
    >
      <Form layout="vertical">
        <Form.Item label={t('customFields.changeType.newType')}>
          <Select
            aria-label={t('customFields.changeType.newType')}
            value={type}
            onChange={(next) => {
              setType(next)
              setReport(null)
            }}
            options={CustomFieldType.options.filter((v) => v !== field?.type).map((value) => ({ value, label: t(`customFields.types.${value}`) }))}
          />
        </Form.Item>
        {needsList && (
          <Form.Item label={t('customFields.picklist')}>
            <Select
              aria-label={t('customFields.picklist')}
              value={picklistKey}
              onChange={(next) => {
                setPicklistKey(next)
                setReport(null)
              }}
              options={picklistOptions}
            />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {report && (
        <Flex vertical gap={8} data-testid="type-change-report">
          <Alert
            type={failures > 0 ? 'warning' : 'success'}
            showIcon
            title={t('customFields.changeType.summary', { converted: report.converted, failed: failures })}
          />
          {failures > 0 && (
            <>
              <Table
                size="small"
                rowKey="recordId"
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                dataSource={report.failures}
                columns={[
                  { key: 'record', title: t('customFields.changeType.record'), width: 100, render: (_, f) => `#${f.recordId}` },
                  { key: 'value', title: t('customFields.changeType.value'), render: (_, f) => (Array.isArray(f.value) ? f.value.join(', ') : String(f.value)) },
                  { key: 'reason', title: t('customFields.changeType.reason'), render: (_, f) => f.reason },
                ]}
              />
              <Checkbox checked={clear} onChange={(e) => setClear(e.target.checked)}>
                {t('customFields.changeType.clear', { count: failures })}
              </Checkbox>
            </>
          )}
        </Flex>
      )}
    </Modal>
  )
}
