import { Alert, App, Button, Empty, Flex, Form } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomValue, Opportunity } from '../../../../../shared/entities'
import { api } from '../../../api/client'
import { isApiCallError } from '../../../api/ApiCallError'
import { useCustomFields } from '../hooks/useCustomFields'
import { customInput } from '../utils/customFormValues'
import { CustomFieldsSection } from './CustomFieldsSection'

interface Values {
  custom?: Record<string, CustomValue | null>
}

/** The record drawer's custom fields of a deal: edited in place and saved as one update. */
export function OpportunityCustomFields({ deal }: { deal: Opportunity }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const fields = useCustomFields('opportunity')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string>()

  if (fields.length === 0) return <Empty description={t('customFields.noneOnRecord')} />

  const save = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    setSaving(true)
    setError(undefined)
    try {
      await api.call('opportunities.update', { id: deal.id, version: deal.version, patch: { custom: customInput(values.custom) } })
      void message.success(t('customFields.recordSaved'))
    } catch (e) {
      setError(isApiCallError(e) ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ custom: deal.custom }} key={`${deal.id}:${deal.version}`}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <CustomFieldsSection entity="opportunity" stageId={deal.stageId} />
      <Flex justify="end">
        <Button type="primary" loading={saving} onClick={() => void save()}>
          {t('customFields.saveRecord')}
        </Button>
      </Flex>
    </Form>
  )
}
