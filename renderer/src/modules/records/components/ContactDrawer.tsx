import { Button, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { RecordCustomFields } from '../../customFields/components/RecordCustomFields'
import { openFollowUpEntry } from '../../followUps/states/followUpEntry'
import { RecordHistory } from '../../history/components/RecordHistory'
import { FollowUpTimeline } from '../../opportunity/components/FollowUpTimeline'
import { TaskList } from '../../opportunity/components/TaskList'
import { ContactFields } from './ContactFields'
import { DealList } from './DealList'
import { RecordDrawerFrame } from './RecordDrawerFrame'
import { RecordLink } from './RecordLink'

interface Props {
  contactId: number
  onClose(): void
}

/** One contact: its fields and account, the deals it is the contact of, follow-ups, tasks, custom fields and history. */
export function ContactDrawer({ contactId, onClose }: Props) {
  const { t } = useTranslation()
  const detail = useApiQuery('contacts.detail', { id: contactId }, { reads: ['contact', 'account', 'opportunity', 'activity', 'task'] })
  const data = detail.data?.contact.id === contactId ? detail.data : undefined
  const contact = data?.contact

  const title = contact && (
    <Flex gap={8} align="baseline">
      <span>{contact.name}</span>
      {contact.title && <Typography.Text type="secondary">{contact.title}</Typography.Text>}
    </Flex>
  )
  const actions = contact && (
    <Button onClick={() => openFollowUpEntry({ entityType: 'contact', entityId: contact.id, name: contact.name })}>{t('records.actions.followUp')}</Button>
  )
  const tabs =
    data &&
    contact && [
      {
        key: 'overview',
        label: t('records.tabs.overview'),
        children: (
          <Flex vertical gap={16}>
            <Flex gap={8}>
              <Typography.Text type="secondary">{t('records.contact.fields.accountId')}</Typography.Text>
              {data.account ? (
                <RecordLink entityType="account" entityId={data.account.id} name={data.account.name} />
              ) : (
                <Typography.Text>{t('records.contact.noAccount')}</Typography.Text>
              )}
            </Flex>
            <ContactFields contact={contact} />
          </Flex>
        ),
      },
      { key: 'deals', label: `${t('records.tabs.deals')} (${data.opportunities.length})`, children: <DealList deals={data.opportunities} /> },
      { key: 'followUps', label: `${t('records.tabs.followUps')} (${data.activities.length})`, children: <FollowUpTimeline activities={data.activities} /> },
      { key: 'tasks', label: `${t('records.tabs.tasks')} (${data.tasks.length})`, children: <TaskList tasks={data.tasks} /> },
      {
        key: 'custom',
        label: t('records.tabs.custom'),
        children: (
          <RecordCustomFields
            entity="contact"
            record={contact}
            onSave={(custom) => api.call('grid.update', { entity: 'contact', changes: [{ id: contact.id, version: contact.version, patch: { custom } }] })}
          />
        ),
      },
      { key: 'history', label: t('records.tabs.history'), children: <RecordHistory entityType="contact" entityId={contact.id} /> },
    ]

  return <RecordDrawerFrame title={title ?? null} actions={actions} error={detail.error?.message} tabs={tabs || null} onClose={onClose} />
}
