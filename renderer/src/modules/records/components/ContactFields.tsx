import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, Row, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { Contact } from '../../../../../shared/entities'
import { AccountSelect } from '../../opportunity/components/AccountSelect'
import { useChoices } from '../hooks/useChoices'
import { useRecordPatch, type RecordPatch } from '../hooks/useRecordPatch'
import { changedFields } from '../utils/changedFields'

type Fields = Pick<Contact, 'name' | 'accountId' | 'title' | 'phone' | 'email' | 'wechat' | 'ownerId' | 'notes'>
type Values = Fields & { birthday: Dayjs | null }

/** The contact's own fields and its account, edited in place and saved against the version on screen. */
export function ContactFields({ contact }: { contact: Contact }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const choices = useChoices()
  const [form] = Form.useForm<Values>()
  const { saving, serverError, patch } = useRecordPatch('contact')
  const label = (key: keyof Values) => t(`records.contact.fields.${key}`)

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    const birthday = values.birthday ? values.birthday.format('YYYY-MM-DD') : null
    const fields = changedFields(contact, { ...values, birthday }) as RecordPatch<'contact'>
    if (Object.keys(fields).length === 0) return
    await patch(contact, fields, () => void message.success(t('records.saved', { name: values.name })))
  }

  const initialValues: Values = { ...contact, birthday: contact.birthday ? dayjs(contact.birthday) : null }
  return (
    <Form<Values> form={form} layout="vertical" initialValues={initialValues} key={`${contact.id}:${contact.version}`} onFinish={() => void submit()}>
      {serverError && <Alert type="error" showIcon title={serverError} className="wb-form-alert" />}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={label('name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="accountId" label={label('accountId')}>
            <AccountSelect initialName={contact.accountName} />
          </Form.Item>
        </Col>
        {(['title', 'phone', 'email', 'wechat'] as const).map((key) => (
          <Col span={12} key={key}>
            <Form.Item name={key} label={label(key)}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        ))}
        <Col span={12}>
          <Form.Item name="birthday" label={label('birthday')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ownerId" label={label('ownerId')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={choices.users} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={label('notes')}>
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
