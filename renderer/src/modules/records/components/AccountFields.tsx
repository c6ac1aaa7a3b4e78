import { Col, Form, Input, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Account } from '../../../../../shared/entities'
import { useChoices } from '../hooks/useChoices'
import { useRecordFieldsForm } from '../hooks/useRecordFieldsForm'
import { NameItem, OwnerItem, RecordFieldsForm } from './RecordFieldsForm'

type Values = Pick<Account, 'name' | 'industry' | 'region' | 'source' | 'ownerId' | 'phone' | 'email' | 'website' | 'address' | 'notes'>

/** The account's own fields, edited in place and saved against the version on screen. */
export function AccountFields({ account }: { account: Account }) {
  const { t } = useTranslation()
  const choices = useChoices()
  const { form, saving, serverError, submit, formKey } = useRecordFieldsForm<'account', Values>('account', account)
  const label = (key: keyof Values) => t(`records.account.fields.${key}`)

  return (
    <RecordFieldsForm<Values>
      form={form}
      initialValues={account}
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
        <OwnerItem label={label('ownerId')} />
      </Col>
      {(['industry', 'region', 'source'] as const).map((key) => (
        <Col span={8} key={key}>
          <Form.Item name={key} label={label(key)}>
            <Select allowClear options={choices.picklist(key)} />
          </Form.Item>
        </Col>
      ))}
      {(['phone', 'email', 'website', 'address'] as const).map((key) => (
        <Col span={12} key={key}>
          <Form.Item name={key} label={label(key)}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      ))}
    </RecordFieldsForm>
  )
}
