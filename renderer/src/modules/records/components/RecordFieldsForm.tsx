import { Alert, Button, Flex, Form, Input, Row, Select, type FormInstance } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useChoices } from '../hooks/useChoices'

interface Props<V> {
  form: FormInstance<V>
  initialValues: V
  /** Changes with the record's version, so a save elsewhere resets the form. */
  formKey: string
  saving: boolean
  serverError?: string
  notesLabel: string
  onSubmit(): void
  /** The record's own fields, as columns of one row. */
  children: ReactNode
}

/** The shell of an account's or contact's fields: the refusal, the fields, notes and the save button. */
export function RecordFieldsForm<V extends object>({ form, initialValues, formKey, saving, serverError, notesLabel, onSubmit, children }: Props<V>) {
  const { t } = useTranslation()
  return (
    <Form<V> form={form} layout="vertical" initialValues={initialValues} key={formKey} onFinish={onSubmit}>
      {serverError && <Alert type="error" showIcon title={serverError} className="wb-form-alert" />}
      <Row gutter={16}>{children}</Row>
      <Form.Item name="notes" label={notesLabel}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('records.actions.save')}
        </Button>
      </Flex>
    </Form>
  )
}

/** The record's name, required. */
export function NameItem({ label }: { label: string }) {
  const { t } = useTranslation()
  return (
    <Form.Item name="name" label={label} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
      <Input maxLength={200} />
    </Form.Item>
  )
}

/** Who owns the record. */
export function OwnerItem({ label }: { label: string }) {
  const choices = useChoices()
  return (
    <Form.Item name="ownerId" label={label}>
      <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={choices.users} />
    </Form.Item>
  )
}
