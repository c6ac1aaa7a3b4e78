import { BankOutlined, ContactsOutlined, FunnelPlotOutlined } from '@ant-design/icons'
import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, InputNumber, List, Result, Row, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LeadDetail } from '../../../../../shared/methods/loop'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { useStageOptions } from '../../opportunity/hooks/useStageOptions'
import { conversionPlan, suggestedDealName } from '../utils/conversionPlan'

interface DealValues {
  name: string
  stageId?: number
  amount?: number | null
  expectedCloseDate?: Dayjs | null
}

interface Props {
  detail: LeadDetail
  onOpenDeal(opportunityId: number): void
}

/**
 * 转化: shows which account and contact the lead will join or create, and
 * the deal it starts; one click does all of it in one transaction.
 */
export function ConvertPanel({ detail, onOpenDeal }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { lead } = detail
  const stageOptions = useStageOptions()
  const [form] = Form.useForm<DealValues>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const converted = lead.status === 'converted'
  const probe = { company: lead.company, phone: lead.phone ?? undefined, email: lead.email ?? undefined, limit: 20 }
  const matches = useApiQuery('duplicates.find', probe, { reads: ['account', 'contact'], enabled: !converted })
  const plan = conversionPlan(matches.data ?? [])

  if (converted) {
    return (
      <Result
        status="success"
        title={t('leads.convert.done')}
        extra={
          lead.convertedOpportunityId !== null && (
            <Button type="primary" onClick={() => onOpenDeal(lead.convertedOpportunityId!)}>
              {t('leads.convert.openDeal')}
            </Button>
          )
        }
      />
    )
  }

  const convert = async (values: DealValues) => {
    setBusy(true)
    setError(undefined)
    try {
      const result = await api.call('leads.convert', {
        id: lead.id,
        version: lead.version,
        opportunity: {
          name: values.name.trim(),
          ...(values.stageId !== undefined && { stageId: values.stageId }),
          ...(values.amount != null && { amount: values.amount }),
          ...(values.expectedCloseDate && { expectedCloseDate: values.expectedCloseDate.format('YYYY-MM-DD') }),
        },
      })
      void message.success(t('leads.convert.success'))
      onOpenDeal(result.opportunityId)
    } catch (err) {
      if (!isApiCallError(err)) throw err
      setError(err.message)
    } finally {
      setBusy(false)
    }
  }

  const planItems = [
    {
      key: 'account',
      icon: <BankOutlined aria-hidden />,
      text: plan.account
        ? t('leads.convert.reuseAccount', { name: plan.account.title })
        : t('leads.convert.newAccount', { name: lead.company }),
    },
    {
      key: 'contact',
      icon: <ContactsOutlined aria-hidden />,
      text: plan.contact
        ? t('leads.convert.reuseContact', { name: plan.contact.title })
        : lead.contactName
          ? t('leads.convert.newContact', { name: lead.contactName })
          : t('leads.convert.noContact'),
    },
    { key: 'deal', icon: <FunnelPlotOutlined aria-hidden />, text: t('leads.convert.newDeal') },
  ]

  return (
    <Flex vertical gap={12}>
      {error && <Alert type="error" showIcon title={error} />}
      <List
        size="small"
        bordered
        aria-label={t('leads.convert.plan')}
        header={t('leads.convert.plan')}
        loading={matches.loading && !matches.data}
        dataSource={planItems}
        renderItem={(item) => (
          <List.Item>
            <Flex gap={8}>
              {item.icon}
              <span>{item.text}</span>
            </Flex>
          </List.Item>
        )}
      />
      <Form<DealValues>
        form={form}
        layout="vertical"
        initialValues={{ name: suggestedDealName(lead.company, lead.productInterest) }}
        onFinish={(values) => void convert(values)}
      >
        <Form.Item name="name" label={t('leads.convert.dealName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="stageId" label={t('leads.convert.stage')}>
              <Select allowClear placeholder={t('leads.convert.defaultStage')} options={stageOptions.groups} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="amount" label={t('leads.convert.amount')}>
              <InputNumber<number> min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="expectedCloseDate" label={t('leads.convert.expectedCloseDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Flex justify="end">
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('leads.convert.submit')}
          </Button>
        </Flex>
      </Form>
    </Flex>
  )
}
