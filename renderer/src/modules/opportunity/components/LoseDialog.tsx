import { Alert, App, Form, Input, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CustomValuesInput, Opportunity } from '../../../../../shared/entities'
import { api } from '../../../api/client'
import { RequiredCustomFieldItem } from '../../customFields/components/RequiredCustomFieldItem'
import { useServerSave } from '../../forms/hooks/useServerSave'
import { serverFieldErrors } from '../../forms/utils/serverFieldErrors'
import { missingForStage } from '../../grid/utils/stageRules'
import { useLabels } from '../../reference/hooks/useLabels'
import { useClosingNeeds } from '../hooks/useClosingNeeds'

interface Values {
  lossReason?: string
  competitor?: string
  lossNote?: string
  custom?: CustomValuesInput
}

/** Asking for the competitor follows the core's rule: a lost stage with that reason requires it. */
const needsCompetitor = (lossReason: string | undefined) => missingForStage({ kind: 'lost', requiredFields: [] }, { lossReason }).includes('competitor')

/** 输单: a reason from the configured list, the competitor when lost to one, and a note. */
export function LoseDialog({ deal, onClose }: { deal: Opportunity; onClose(): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const labels = useLabels()
  const [form] = Form.useForm<Values>()
  const { saving, serverError, save } = useServerSave()
  const competitorRequired = needsCompetitor(Form.useWatch('lossReason', form))
  const needs = useClosingNeeds(deal, 'lost')

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    await save(
      async () => {
        await api.call('opportunities.lose', {
          id: deal.id,
          version: deal.version,
          lossReason: values.lossReason ?? '',
          competitor: values.competitor?.trim() || null,
          lossNote: values.lossNote?.trim() || null,
          custom: values.custom,
        })
        void message.success(t('deal.lose.done', { name: deal.name }))
        onClose()
      },
      (err) =>
        form.setFields(serverFieldErrors(err, t, t('validation.required')).map(({ name, errors }) => ({ name: name as keyof Values, errors }))),
    )
  }

  return (
    <Modal
      open
      title={t('deal.lose.title', { name: deal.name })}
      okText={t('deal.lose.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {serverError && <Alert type="error" showIcon title={serverError} className="wb-form-alert" />}
      <Form<Values> form={form} layout="vertical">
        <Form.Item name="lossReason" label={t('deal.lose.reason')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={labels
              .picklistItems('loss_reason')
              .filter((item) => item.active)
              .map((item) => ({ value: item.value, label: labels.bilingual(item.labelZh, item.labelEn) }))}
          />
        </Form.Item>
        <Form.Item
          name="competitor"
          label={t('deal.lose.competitor')}
          dependencies={['lossReason']}
          rules={[{ required: competitorRequired, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="lossNote" label={t('deal.lose.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {needs.map((key) => (
          <RequiredCustomFieldItem key={key} name={['custom', key]} fieldKey={key} />
        ))}
      </Form>
    </Modal>
  )
}
