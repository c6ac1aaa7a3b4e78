import { Flex, List, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Contact } from '../../../../../shared/entities'
import { useApiQuery } from '../../../api/useApiQuery'
import { AccountStanding } from '../../opportunity/components/AccountStanding'
import { ContractPanel } from '../../opportunity/components/ContractPanel'
import { useLabels } from '../../reference/hooks/useLabels'
import { AccountFields } from './AccountFields'
import { RecordDrawerFrame } from './RecordDrawerFrame'
import { RecordLink } from './RecordLink'
import { FollowUpButton, recordTabs } from './recordTabs'

const lifecycleColors = { prospect: 'default', customer: 'green', repeat_customer: 'gold', churned: 'red' } as const

interface Props {
  accountId: number
  onClose(): void
}

/**
 * One account: where it stands (outstanding, overdue, satisfaction), its
 * fields, contracts, deals, contacts, follow-ups, tasks, custom fields and history.
 */
export function AccountDrawer({ accountId, onClose }: Props) {
  const { t } = useTranslation()
  const labels = useLabels()
  const detail = useApiQuery('accounts.detail', { id: accountId }, { reads: ['account', 'contact', 'opportunity', 'activity', 'task', 'contract'] })
  // A refetch for another account must not show the previous one's fields.
  const data = detail.data?.account.id === accountId ? detail.data : undefined
  const account = data?.account

  const title = account && (
    <Flex gap={8} align="center">
      <span>{account.name}</span>
      <Tag color={lifecycleColors[account.lifecycle]} aria-label={t('records.lifecycle')}>
        {labels.enumLabel('accountLifecycle', account.lifecycle)}
      </Tag>
    </Flex>
  )
  const actions = account && <FollowUpButton subject={{ entity: 'account', record: account }} label={t('records.actions.followUp')} />
  const shared = data && account && recordTabs(t, { entity: 'account', record: account }, data)
  const tabs =
    data &&
    account &&
    shared && [
      {
        key: 'overview',
        label: t('records.tabs.overview'),
        children: (
          <Flex vertical gap={16}>
            <AccountStanding account={account} />
            <AccountFields account={account} />
          </Flex>
        ),
      },
      { key: 'contracts', label: t('records.tabs.contracts'), children: <ContractPanel accountId={account.id} empty={t('records.contracts.none')} /> },
      shared.deals,
      { key: 'contacts', label: `${t('records.tabs.contacts')} (${data.contacts.length})`, children: <ContactList contacts={data.contacts} /> },
      ...shared.trail,
    ]

  return <RecordDrawerFrame title={title ?? null} actions={actions} error={detail.error?.message} tabs={tabs || null} onClose={onClose} />
}

function ContactList({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation()
  return (
    <List
      dataSource={contacts}
      rowKey="id"
      locale={{ emptyText: t('records.account.noContacts') }}
      renderItem={(c) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Flex gap={8}>
                <RecordLink entityType="contact" entityId={c.id} name={c.name} />
                {c.title && <span>{c.title}</span>}
              </Flex>
            }
            description={[c.phone, c.email, c.wechat && `WeChat ${c.wechat}`].filter(Boolean).join(' · ')}
          />
        </List.Item>
      )}
    />
  )
}
