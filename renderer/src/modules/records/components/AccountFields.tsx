import { Alert, App, Button, Col, Flex, Form, Input, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Account } from '../../../../../shared/entities'
import { useChoices } from '../hooks/useChoices'
import { useRecordPatch, type RecordPatch } from '../hooks/useRecordPatch'
import { changedFields } from '../utils/changedFields'

type Values = Pick<Account, 'name' | 'industry' | 'region' | 'source' | 'ownerId' | 'phone' | 'email' | 'website' | 'address' | 'notes'>

/** The account's own fields, edited in place and saved against the version on screen. */
export function AccountFields({ account }: { account: Account }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const choices = useChoices()
  const [form] = Form.useForm<Values>()
  const { saving, serverError, patch } = useRecordPatch('account')
  const label = (key: keyof Values) => t(`records.account.fields.${key}`)

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    const fields = changedFields(account, values) as RecordPatch<'account'>
    if (Object.keys(fields).length === 0) return
    await patch(account, fields, () => void message.success(t('records.saved', { name: values.name })))
  }

  return (
    <Form<Values> form={form} layout="vertical" initialValues={account} key={`${account.id}:${account.version}`} onFinish={() => void submit()}>
      {serverError && <Alert type="error" showIcon title={serverError} className="wb-form-alert" />}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={label('name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ownerId" label={label('ownerId')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={choices.users} />
          </Form.Item>
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
