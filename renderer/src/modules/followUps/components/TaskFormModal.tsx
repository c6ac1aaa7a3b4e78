import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { TaskPriority } from '../../../../../shared/enums'
import { api } from '../../../api/client'
import { useServerSave } from '../../forms/hooks/useServerSave'
import { markFieldErrors } from '../../forms/utils/markFieldErrors'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { RecordPicker, type RecordRef } from './RecordPicker'

interface Values {
  title?: string
  dueDate?: Dayjs | null
  assigneeId?: number | null
  priority: TaskPriority
  record?: RecordRef | null
}

/** 新建任务: a title, a due date, who does it, how urgent, and the record it is about. */
export function TaskFormModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { currentUserId } = usePreferences()
  const { users } = useReferenceData()
  const labels = useLabels()
  const [form] = Form.useForm<Values>()
  const { saving, serverError, save } = useServerSave()

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    await save(
      async () => {
        await api.call('tasks.create', {
          title: values.title?.trim() ?? '',
          dueDate: values.dueDate?.format('YYYY-MM-DD') ?? null,
          assigneeId: values.assigneeId ?? null,
          priority: values.priority,
          entityType: values.record?.entityType ?? null,
          entityId: values.record?.entityId ?? null,
        })
        void message.success(t('followUps.task.saved'))
        onClose()
      },
      (err) => markFieldErrors(form, err, t),
    )
  }

  return (
    <Modal
      open
      title={t('followUps.task.title')}
      okText={t('followUps.task.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {serverError && <Alert type="error" showIcon title={serverError} className="wb-form-alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ priority: 'normal', assigneeId: currentUserId }}>
        <Form.Item name="title" label={t('followUps.task.fields.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="dueDate" label={t('followUps.task.fields.dueDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="priority" label={t('followUps.task.fields.priority')}>
              <Select options={TaskPriority.options.map((value) => ({ value, label: labels.enumLabel('taskPriority', value) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="assigneeId" label={t('followUps.task.fields.assigneeId')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={users.filter((u) => u.active).map((u) => ({ value: u.id, label: labels.userName(u.id) }))}
          />
        </Form.Item>
        <Form.Item name="record" label={t('followUps.task.fields.record')}>
          <RecordPicker />
        </Form.Item>
      </Form>
    </Modal>
  )
}
