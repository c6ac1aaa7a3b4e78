import { Alert, App, Button, Empty, Flex, Form } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CustomFieldEntity, CustomValue, CustomValues, CustomValuesInput } from '../../../../../shared/entities'
import { useServerSave } from '../../forms/hooks/useServerSave'
import { markFieldErrors } from '../../forms/utils/markFieldErrors'
import { useCustomFields } from '../hooks/useCustomFields'
import { customInput } from '../utils/customFormValues'
import { CustomFieldsSection } from './CustomFieldsSection'

interface Values {
  custom?: Record<string, CustomValue | null>
}

interface Props {
  entity: CustomFieldEntity
  record: { id: number; version: number; custom: CustomValues }
  /** The stage the record is in, for per-stage requirements (deals only). */
  stageId?: number | null
  /** Writes the edited values through the record's own update method. */
  onSave(custom: CustomValuesInput): Promise<unknown>
}

/** A record drawer's custom fields: edited in place and saved as one update; refusals are marked on the fields. */
export function RecordCustomFields({ entity, record, stageId, onSave }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const fields = useCustomFields(entity)
  const { saving, serverError, save } = useServerSave()

  if (fields.length === 0) return <Empty description={t('customFields.noneOnRecord')} />

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    await save(
      async () => {
        await onSave(customInput(values.custom))
        void message.success(t('customFields.recordSaved'))
      },
      (err) => markFieldErrors(form, err, t),
    )
  }

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ custom: record.custom }} key={`${record.id}:${record.version}`}>
      {serverError && <Alert type="error" showIcon title={serverError} style={{ marginBottom: 12 }} />}
      <CustomFieldsSection entity={entity} stageId={stageId} />
      <Flex justify="end">
        <Button type="primary" loading={saving} onClick={() => void submit()}>
          {t('customFields.saveRecord')}
        </Button>
      </Flex>
    </Form>
  )
}
