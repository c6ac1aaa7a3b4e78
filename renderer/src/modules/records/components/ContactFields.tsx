import { Col, DatePicker, Form, Input } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { Contact } from '../../../../../shared/entities'
import { AccountSelect } from '../../opportunity/components/AccountSelect'
import { useRecordFieldsForm } from '../hooks/useRecordFieldsForm'
import { NameItem, OwnerItem, RecordFieldsForm } from './RecordFieldsForm'

type Fields = Pick<Contact, 'name' | 'accountId' | 'title' | 'phone' | 'email' | 'wechat' | 'ownerId' | 'notes'>
type Values = Fields & { birthday: Dayjs | null }

/** The contact's own fields and its account, edited in place and saved against the version on screen. */
export function ContactFields({ contact }: { contact: Contact }) {
  const { t } = useTranslation()
  const toRecord = (values: Values) => ({ ...values, birthday: values.birthday ? values.birthday.format('YYYY-MM-DD') : null })
  const { form, saving, serverError, submit, formKey } = useRecordFieldsForm<'contact', Values>('contact', contact, toRecord)
  const label = (key: keyof Values) => t(`records.contact.fields.${key}`)

  const initialValues: Values = { ...contact, birthday: contact.birthday ? dayjs(contact.birthday) : null }
  return (
    <RecordFieldsForm<Values>
      form={form}
      initialValues={initialValues}
      formKey={formKey}
      saving={saving}
      serverError={serverError}
      notesLabel={label('notes')}
      onSubmit={() => void submit()}
    >
      <Col span={12}>
        <NameItem label={label('name')} />
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
        <OwnerItem label={label('ownerId')} />
      </Col>
    </RecordFieldsForm>
  )
}
