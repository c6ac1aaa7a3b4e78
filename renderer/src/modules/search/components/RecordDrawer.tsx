import { Descriptions, Drawer, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RecordType } from '../../../../../shared/methods/loop'
import { RecordHistory } from '../../history/components/RecordHistory'
import { LeadDrawer } from '../../leads/components/LeadDrawer'
import { OpportunityDetailDrawer } from '../../opportunity/components/OpportunityDetailDrawer'

export interface OpenRecord {
  entityType: RecordType
  id: number
  title?: string
  subtitle?: string | null
  phone?: string | null
  email?: string | null
}

/** Opens any record in its drawer: leads and deals in their own, accounts and contacts in a summary. */
export function RecordDrawer({ record, onClose }: { record: OpenRecord; onClose(): void }) {
  const { t } = useTranslation()
  switch (record.entityType) {
    case 'lead':
      return <LeadDrawer leadId={record.id} onClose={onClose} />
    case 'opportunity':
      return <OpportunityDetailDrawer opportunityId={record.id} onClose={onClose} />
    case 'account':
    case 'contact':
      return (
        <Drawer open onClose={onClose} size={720} title={record.title ?? `#${record.id}`} destroyOnHidden>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('search.kind')}>{t(`history.subjects.${record.entityType}`)}</Descriptions.Item>
            <Descriptions.Item label={t('search.company')}>{record.subtitle ?? t('common.empty')}</Descriptions.Item>
            <Descriptions.Item label={t('search.phone')}>{record.phone ?? t('common.empty')}</Descriptions.Item>
            <Descriptions.Item label={t('search.email')}>{record.email ?? t('common.empty')}</Descriptions.Item>
          </Descriptions>
          <Tabs
            items={[{ key: 'history', label: t('history.label'), children: <RecordHistory entityType={record.entityType} entityId={record.id} /> }]}
          />
        </Drawer>
      )
  }
}
