import { Alert, Button, Col, Flex, Form, Input, Row, Select } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useChoices } from '../hooks/useChoices'
import type { RecordFieldsFormState, RecordFormValues } from '../hooks/useRecordFieldsForm'

interface Props<V extends RecordFormValues> {
  fields: RecordFieldsFormState<V>
  /** The record's own fields after its name, as columns of one row. */
  children: ReactNode
}

/** The shell of an account's or contact's fields: the refusal, the name, the record's fields, notes and the save button. */
export function RecordFieldsForm<V extends RecordFormValues>({ fields, children }: Props<V>) {
  const { t } = useTranslation()
  return (
    <Form<V> form={fields.form} layout="vertical" initialValues={fields.initialValues} key={fields.formKey} onFinish={() => void fields.submit()}>
      {fields.serverError && <Alert type="error" showIcon title={fields.serverError} className="wb-form-alert" />}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={fields.label('name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        {children}
      </Row>
      <Form.Item name="notes" label={fields.label('notes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={fields.saving}>
          {t('records.actions.save')}
        </Button>
      </Flex>
    </Form>
  )
}

/** Free-text fields, two to a row. */
export function TextItems<K extends string>({ names, label, maxLength }: { names: readonly K[]; label(name: K): string; maxLength: number }) {
  return names.map((name) => {
    const path: string = name
    return (
      <Col span={12} key={name}>
        <Form.Item name={path} label={label(name)}>
          <Input maxLength={maxLength} />
        </Form.Item>
      </Col>
    )
  })
}

/** Who owns the record. */
export function OwnerItem({ label }: { label: string }) {
  const choices = useChoices()
  return (
    <Col span={12}>
      <Form.Item name="ownerId" label={label}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={choices.users} />
      </Form.Item>
    </Col>
  )
}
