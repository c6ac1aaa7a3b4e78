import { Col, DatePicker, Form } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { Contact } from '../../../../../shared/entities'
import { AccountSelect } from '../../opportunity/components/AccountSelect'
import { useRecordFieldsForm, type FormCodec } from '../hooks/useRecordFieldsForm'
import { OwnerItem, RecordFieldsForm, TextItems } from './RecordFieldsForm'

type Fields = Pick<Contact, 'name' | 'accountId' | 'title' | 'phone' | 'email' | 'wechat' | 'ownerId' | 'notes'>
type Values = Fields & { birthday: Dayjs | null }

/** The birthday is picked as a day and stored as its date. */
const birthdayAsDay: FormCodec<Contact, Values> = {
  toForm: (contact) => ({ ...contact, birthday: contact.birthday ? dayjs(contact.birthday) : null }),
  toRecord: (values) => ({ ...values, birthday: values.birthday ? values.birthday.format('YYYY-MM-DD') : null }),
}

/** The contact's own fields and its account, edited in place and saved against the version on screen. */
export function ContactFields({ contact }: { contact: Contact }) {
  const fields = useRecordFieldsForm('contact', contact, birthdayAsDay)
  const { label } = fields

  return (
    <RecordFieldsForm fields={fields}>
      <Col span={12}>
        <Form.Item name="accountId" label={label('accountId')}>
          <AccountSelect initialName={contact.accountName} />
        </Form.Item>
      </Col>
      <TextItems names={['title', 'phone', 'email', 'wechat']} label={label} maxLength={200} />
      <Col span={12}>
        <Form.Item name="birthday" label={label('birthday')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <OwnerItem label={label('ownerId')} />
    </RecordFieldsForm>
  )
}
