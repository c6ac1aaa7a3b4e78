import { Alert, App, DatePicker, Form, Input, InputNumber, Modal } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { Contract } from '../../../../../shared/methods/loop'
import { api } from '../../../api/client'
import { useServerSave } from '../../forms/hooks/useServerSave'
import { useFormatters } from '../../format/hooks/useFormatters'

interface Values {
  receivedDate?: Dayjs | null
  amount?: number | null
  note?: string
}

/** 登记回款: the date and amount received; suggests the next instalment's amount. */
export function PaymentDialog({ contract, onClose }: { contract: Contract; onClose(): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormatters()
  const [form] = Form.useForm<Values>()
  const { saving, serverError, save } = useServerSave()
  const required = [{ required: true, message: t('validation.required') }]

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    await save(async () => {
      await api.call('payments.record', {
        contractId: contract.id,
        receivedDate: values.receivedDate?.format('YYYY-MM-DD') ?? '',
        amount: values.amount ?? 0,
        note: values.note?.trim() || null,
      })
      void message.success(t('deal.contract.recorded', { amount: format.money(values.amount, contract.currency) }))
      onClose()
    })
  }

  return (
    <Modal
      open
      title={t('deal.contract.recordTitle', { number: contract.number })}
      okText={t('deal.contract.record')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {serverError && <Alert type="error" showIcon title={serverError} className="wb-form-alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ receivedDate: dayjs(), amount: contract.nextDueAmount ?? (contract.balance > 0 ? contract.balance : null) }}
      >
        <Form.Item name="receivedDate" label={t('deal.contract.columns.receivedDate')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="amount" label={t('deal.contract.columns.amount')} rules={required}>
          <InputNumber<number> min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('deal.contract.columns.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
