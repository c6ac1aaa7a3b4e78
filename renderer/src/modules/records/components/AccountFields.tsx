import { Col, Form, Select } from 'antd'
import type { Account } from '../../../../../shared/entities'
import { useChoices } from '../hooks/useChoices'
import { sameAsRecord, useRecordFieldsForm } from '../hooks/useRecordFieldsForm'
import { OwnerItem, RecordFieldsForm, TextItems } from './RecordFieldsForm'

type Values = Pick<Account, 'name' | 'industry' | 'region' | 'source' | 'ownerId' | 'phone' | 'email' | 'website' | 'address' | 'notes'>

/** The account's own fields, edited in place and saved against the version on screen. */
export function AccountFields({ account }: { account: Account }) {
  const choices = useChoices()
  const fields = useRecordFieldsForm('account', account, sameAsRecord<Values>())
  const { label } = fields

  return (
    <RecordFieldsForm fields={fields}>
      <OwnerItem label={label('ownerId')} />
      {(['industry', 'region', 'source'] as const).map((key) => (
        <Col span={8} key={key}>
          <Form.Item name={key} label={label(key)}>
            <Select allowClear options={choices.picklist(key)} />
          </Form.Item>
        </Col>
      ))}
      <TextItems names={['phone', 'email', 'website', 'address']} label={label} maxLength={500} />
    </RecordFieldsForm>
  )
}
