import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { Opportunity } from '../../../../../shared/entities'
import { Currency } from '../../../../../shared/enums'
import { api } from '../../../api/client'
import { RequiredCustomFieldItem } from '../../customFields/components/RequiredCustomFieldItem'
import { useServerSave } from '../../forms/hooks/useServerSave'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useClosingNeeds } from '../hooks/useClosingNeeds'
import { planTotal, toContractInput, type WinFormValues } from '../utils/winFormValues'

/** 赢单: the final amount and the contract with its payment plan, recorded together with the move to Won. */
export function WinDialog({ deal, onClose }: { deal: Opportunity; onClose(): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormatters()
  const [form] = Form.useForm<WinFormValues>()
  const { saving, serverError, save } = useServerSave()
  const amount = Form.useWatch('amount', form)
  const plan = Form.useWatch('plan', form)
  const currency = Form.useWatch('currency', form) ?? deal.currency
  const required = [{ required: true, message: t('validation.required') }]
  const needs = useClosingNeeds(deal, 'won')

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    await save(async () => {
      await api.call('opportunities.win', { id: deal.id, version: deal.version, contract: toContractInput(values), custom: values.custom })
      void message.success(t('deal.win.done', { name: deal.name }))
      onClose()
    })
  }

  return (
    <Modal
      open
      width={720}
      title={t('deal.win.title', { name: deal.name })}
      okText={t('deal.win.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {serverError && <Alert type="error" showIcon title={serverError} className="wb-form-alert" />}
      <Form<WinFormValues>
        form={form}
        layout="vertical"
        initialValues={{ amount: deal.amount, currency: deal.currency, signedDate: dayjs(), startDate: dayjs(), plan: [] }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="number" label={t('deal.win.number')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input autoFocus maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="amount" label={t('deal.win.amount')} rules={required}>
              <InputNumber<number> min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="currency" label={t('deal.win.currency')}>
              <Select options={Currency.options.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="signedDate" label={t('deal.win.signedDate')} rules={required}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startDate" label={t('deal.win.startDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="endDate"
              label={t('deal.win.endDate')}
              dependencies={['startDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, end: dayjs.Dayjs | null) => {
                    const start = getFieldValue('startDate') as dayjs.Dayjs | null
                    if (start && end && end.isBefore(start, 'day')) throw new Error(t('deal.win.endBeforeStart'))
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {needs.map((key) => (
            <Col span={12} key={key}>
              <RequiredCustomFieldItem name={['custom', key]} fieldKey={key} />
            </Col>
          ))}
        </Row>
        <Typography.Title level={5}>{t('deal.win.plan')}</Typography.Title>
        <Form.List
          name="plan"
          rules={[
            {
              validator: async (_, rows: WinFormValues['plan']) => {
                if (planTotal(rows) > (form.getFieldValue('amount') ?? 0) + 0.005) throw new Error(t('deal.win.planTooMuch'))
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'dueDate']} rules={required} style={{ flex: 1 }}>
                    <DatePicker aria-label={t('deal.win.dueDate', { n: i + 1 })} placeholder={t('deal.win.dueDate', { n: i + 1 })} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'amount']} rules={required} style={{ flex: 1 }}>
                    <InputNumber<number>
                      aria-label={t('deal.win.instalmentAmount', { n: i + 1 })}
                      placeholder={t('deal.win.instalmentAmount', { n: i + 1 })}
                      min={0.01}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']} style={{ flex: 1 }}>
                    <Input aria-label={t('deal.win.instalmentNote', { n: i + 1 })} placeholder={t('deal.win.instalmentNote', { n: i + 1 })} maxLength={500} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('deal.win.removeInstalment', { n: i + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Flex justify="space-between" align="center">
                <Button icon={<PlusOutlined />} onClick={() => add({ dueDate: null, amount: null })}>
                  {t('deal.win.addInstalment')}
                </Button>
                <Typography.Text type="secondary">
                  {t('deal.win.planTotal', { total: format.money(planTotal(plan), currency), amount: format.money(amount ?? 0, currency) })}
                </Typography.Text>
              </Flex>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  )
}
