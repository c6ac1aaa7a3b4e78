import { Card, Flex, Statistic, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Collection, MyDay } from '../../../../../shared/methods/loop'
import { useFormatters } from '../../format/hooks/useFormatters'
import { openRecord } from '../../opportunity/states/recordOpener'

/** Money to collect: overdue first, then what falls due soon; each contract opens its deal. */
export function CollectionsCard({ collections }: { collections: MyDay['collections'] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <Card size="small" title={t('myDay.collections')}>
      <Flex gap={32} className="wb-section-title">
        <Statistic
          title={t('myDay.overdueTotal')}
          value={format.money(collections.overdueTotal, collections.baseCurrency)}
          styles={{ content: collections.overdueTotal > 0 ? { color: '#cf1322' } : undefined }}
        />
        <Statistic title={t('myDay.outstandingTotal')} value={format.money(collections.outstandingTotal, collections.baseCurrency)} />
      </Flex>
      <Table<Collection>
        size="small"
        rowKey="contractId"
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        dataSource={collections.items}
        locale={{ emptyText: t('myDay.nothingToCollect') }}
        columns={[
          {
            key: 'deal',
            title: t('myDay.columns.deal'),
            render: (_, c) => (
              <Flex vertical>
                <Typography.Link onClick={() => openRecord({ entityType: 'opportunity', entityId: c.opportunityId })}>{c.opportunityName}</Typography.Link>
                <Typography.Text type="secondary">{[c.accountName, c.contractNumber].filter(Boolean).join(' · ')}</Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'overdue',
            title: t('myDay.columns.overdue'),
            align: 'right',
            render: (_, c) => (c.overdue > 0 ? <Typography.Text type="danger">{format.money(c.overdue, c.currency)}</Typography.Text> : t('common.empty')),
          },
          {
            key: 'next',
            title: t('myDay.columns.next'),
            render: (_, c) => (c.nextDueDate ? `${format.date(c.nextDueDate)} · ${format.money(c.nextDueAmount, c.currency)}` : t('common.empty')),
          },
          { key: 'balance', title: t('myDay.columns.balance'), align: 'right', render: (_, c) => format.money(c.balance, c.currency) },
        ]}
      />
    </Card>
  )
}
