import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Flex, Popconfirm, Skeleton, Statistic, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Contract, InstalmentStatus, Payment, PaymentPlanItem } from '../../../../../shared/methods/loop'
import type { z } from 'zod'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { useFormatters } from '../../format/hooks/useFormatters'
import { PaymentDialog } from './PaymentDialog'

type Status = z.infer<typeof InstalmentStatus>
const statusColors: Record<Status, string> = { paid: 'green', partial: 'gold', overdue: 'red', upcoming: 'default' }
const READS = { reads: ['contract', 'payment'] as const }

/** Whose contracts: one deal's, or all of an account's (with what to say when there are none). */
type Props = { opportunityId: number } | { accountId: number; empty: string }

/** The contracts of a deal or an account: plan against received, what is outstanding and overdue, and the payments. */
export function ContractPanel(props: Props) {
  const { t } = useTranslation()
  const query = 'accountId' in props ? { accountId: props.accountId } : { opportunityId: props.opportunityId }
  const contracts = useApiQuery('contracts.list', query, READS)
  if (!contracts.data) return <Skeleton active />
  if (contracts.data.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={'empty' in props ? props.empty : t('deal.contract.none')} />
  }
  return (
    <Flex vertical gap={16}>
      {contracts.data.items.map((contract) => (
        <ContractCard key={contract.id} contract={contract} />
      ))}
    </Flex>
  )
}

function ContractCard({ contract }: { contract: Contract }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormatters()
  const detail = useApiQuery('contracts.get', { id: contract.id }, READS)
  const [recording, setRecording] = useState(false)
  const money = (amount: number | null) => format.money(amount, contract.currency) ?? t('common.empty')

  const deletePayment = async (payment: Payment) => {
    try {
      await api.call('payments.delete', { id: payment.id })
      void message.success(t('deal.contract.deleted'))
    } catch (err) {
      if (!isApiCallError(err)) throw err
      void message.error(err.message)
    }
  }

  const plan = detail.data?.plan ?? []
  const payments = detail.data?.payments ?? []
  const c = detail.data?.contract ?? contract
  return (
    <Card
      size="small"
      title={t('deal.contract.number', { number: c.number })}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
          {t('deal.contract.record')}
        </Button>
      }
      data-testid="contract-card"
    >
      <Typography.Paragraph type="secondary">
        {t('deal.contract.signed', { date: format.date(c.signedDate) })}
        {c.startDate || c.endDate ? ` · ${t('deal.contract.period')} ${format.date(c.startDate) ?? ''} ~ ${format.date(c.endDate) ?? ''}` : ''}
      </Typography.Paragraph>
      <Flex gap={32} wrap>
        <Statistic title={t('deal.contract.amount')} value={money(c.amount)} />
        <Statistic title={t('deal.contract.received')} value={money(c.received)} />
        <Statistic title={t('deal.contract.balance')} value={money(c.balance)} data-testid="contract-balance" />
        <Statistic title={t('deal.contract.overdue')} value={money(c.overdue)} styles={{ content: c.overdue > 0 ? { color: '#cf1322' } : undefined }} />
      </Flex>
      <Typography.Title level={5} className="wb-section-title">
        {t('deal.contract.plan')}
      </Typography.Title>
      <Table<PaymentPlanItem>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={plan}
        columns={[
          { key: 'dueDate', title: t('deal.contract.columns.dueDate'), render: (_, p) => format.date(p.dueDate) },
          { key: 'amount', title: t('deal.contract.columns.amount'), align: 'right', render: (_, p) => money(p.amount) },
          { key: 'paid', title: t('deal.contract.columns.paid'), align: 'right', render: (_, p) => money(p.paid) },
          {
            key: 'status',
            title: t('deal.contract.columns.status'),
            render: (_, p) => <Tag color={statusColors[p.status]}>{t(`deal.contract.status.${p.status}`)}</Tag>,
          },
          { key: 'note', title: t('deal.contract.columns.note'), render: (_, p) => p.note ?? '' },
        ]}
      />
      <Typography.Title level={5} className="wb-section-title">
        {t('deal.contract.payments')}
      </Typography.Title>
      <Table<Payment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={payments}
        locale={{ emptyText: t('deal.contract.noPayments') }}
        columns={[
          { key: 'receivedDate', title: t('deal.contract.columns.receivedDate'), render: (_, p) => format.date(p.receivedDate) },
          { key: 'amount', title: t('deal.contract.columns.amount'), align: 'right', render: (_, p) => money(p.amount) },
          { key: 'note', title: t('deal.contract.columns.note'), render: (_, p) => p.note ?? '' },
          {
            key: 'actions',
            width: 60,
            render: (_, p) => (
              <Popconfirm title={t('deal.contract.deleteConfirm')} onConfirm={() => void deletePayment(p)}>
                <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('deal.contract.deletePayment')} />
              </Popconfirm>
            ),
          },
        ]}
      />
      {recording && <PaymentDialog contract={c} onClose={() => setRecording(false)} />}
    </Card>
  )
}
