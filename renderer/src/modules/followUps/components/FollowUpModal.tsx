import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { ActivityType } from '../../../../../shared/enums'
import { api } from '../../../api/client'
import { useServerSave } from '../../forms/hooks/useServerSave'
import { CustomFieldsSection } from '../../customFields/components/CustomFieldsSection'
import { markFieldErrors } from '../../forms/utils/markFieldErrors'
import { useLabels } from '../../reference/hooks/useLabels'
import type { FollowUpTarget } from '../states/followUpEntry'
import { toActivityInput, type FollowUpFormValues } from '../utils/followUpInput'

interface Props {
  target: FollowUpTarget
  onClose(): void
}

/** 记录跟进: type, time, content, the customer's feedback, the next plan and the next follow-up date. */
export function FollowUpModal({ target, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const labels = useLabels()
  const [form] = Form.useForm<FollowUpFormValues>()
  const { saving, serverError, save } = useServerSave()

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    await save(
      async () => {
        await api.call('activities.create', toActivityInput(target, values))
        void message.success(t('followUps.entry.saved', { name: target.name }))
        onClose()
      },
      (err) => markFieldErrors(form, err, t),
    )
  }

  return (
    <Modal
      open
      title={t('followUps.entry.title', { name: target.name })}
      okText={t('followUps.entry.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {serverError && <Alert type="error" showIcon title={serverError} className="wb-form-alert" />}
      <Form<FollowUpFormValues> form={form} layout="vertical" initialValues={{ type: 'call', occurredAt: dayjs() }}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="type" label={t('followUps.fields.type')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={ActivityType.options.map((value) => ({ value, label: labels.enumLabel('activityType', value) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="occurredAt" label={t('followUps.fields.occurredAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="content"
          label={t('followUps.fields.content')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea autoFocus rows={3} maxLength={5000} placeholder={t('followUps.placeholders.content')} />
        </Form.Item>
        <Form.Item name="feedback" label={t('followUps.fields.feedback')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="nextPlan" label={t('followUps.fields.nextPlan')}>
              <Input maxLength={2000} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="nextDate" label={t('followUps.fields.nextDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <CustomFieldsSection entity="activity" applyDefaults />
      </Form>
    </Modal>
  )
}
