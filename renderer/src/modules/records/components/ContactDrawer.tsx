import { Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../../api/useApiQuery'
import { ContactFields } from './ContactFields'
import { RecordDrawerFrame } from './RecordDrawerFrame'
import { RecordLink } from './RecordLink'
import { FollowUpButton, recordTabs } from './recordTabs'

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
  const actions = contact && <FollowUpButton subject={{ entity: 'contact', record: contact }} label={t('records.actions.followUp')} />
  const shared = data && contact && recordTabs(t, { entity: 'contact', record: contact }, data)
  const tabs =
    data &&
    contact &&
    shared && [
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
      shared.deals,
      ...shared.trail,
    ]

  return <RecordDrawerFrame title={title ?? null} actions={actions} error={detail.error?.message} tabs={tabs || null} onClose={onClose} />
}
