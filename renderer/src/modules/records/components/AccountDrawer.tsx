import { Button, Flex, List, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Contact } from '../../../../../shared/entities'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { RecordCustomFields } from '../../customFields/components/RecordCustomFields'
import { openFollowUpEntry } from '../../followUps/states/followUpEntry'
import { RecordHistory } from '../../history/components/RecordHistory'
import { AccountStanding } from '../../opportunity/components/AccountStanding'
import { ContractPanel } from '../../opportunity/components/ContractPanel'
import { FollowUpTimeline } from '../../opportunity/components/FollowUpTimeline'
import { TaskList } from '../../opportunity/components/TaskList'
import { useLabels } from '../../reference/hooks/useLabels'
import { AccountFields } from './AccountFields'
import { DealList } from './DealList'
import { RecordDrawerFrame } from './RecordDrawerFrame'
import { RecordLink } from './RecordLink'

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
  const actions = account && (
    <Button onClick={() => openFollowUpEntry({ entityType: 'account', entityId: account.id, name: account.name })}>{t('records.actions.followUp')}</Button>
  )
  const tabs =
    data &&
    account && [
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
      { key: 'deals', label: `${t('records.tabs.deals')} (${data.opportunities.length})`, children: <DealList deals={data.opportunities} /> },
      { key: 'contacts', label: `${t('records.tabs.contacts')} (${data.contacts.length})`, children: <ContactList contacts={data.contacts} /> },
      { key: 'followUps', label: `${t('records.tabs.followUps')} (${data.activities.length})`, children: <FollowUpTimeline activities={data.activities} /> },
      { key: 'tasks', label: `${t('records.tabs.tasks')} (${data.tasks.length})`, children: <TaskList tasks={data.tasks} /> },
      {
        key: 'custom',
        label: t('records.tabs.custom'),
        children: (
          <RecordCustomFields
            entity="account"
            record={account}
            onSave={(custom) => api.call('grid.update', { entity: 'account', changes: [{ id: account.id, version: account.version, patch: { custom } }] })}
          />
        ),
      },
      { key: 'history', label: t('records.tabs.history'), children: <RecordHistory entityType="account" entityId={account.id} /> },
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
