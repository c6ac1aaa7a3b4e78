import { Button, type TabsProps } from 'antd'
import type { TFunction } from 'i18next'
import type { MethodInput } from '../../../../../shared/api'
import type { Account, Activity, Contact, CustomValuesInput, Opportunity, Task } from '../../../../../shared/entities'
import { api } from '../../../api/client'
import { RecordCustomFields } from '../../customFields/components/RecordCustomFields'
import { openFollowUpEntry } from '../../followUps/states/followUpEntry'
import { RecordHistory } from '../../history/components/RecordHistory'
import { FollowUpTimeline } from '../../opportunity/components/FollowUpTimeline'
import { TaskList } from '../../opportunity/components/TaskList'
import { DealList } from './DealList'

type Subject = { entity: 'account'; record: Account } | { entity: 'contact'; record: Contact }

interface Related {
  opportunities: Opportunity[]
  activities: Activity[]
  tasks: Task[]
}

/**
 * The tabs an account's and a contact's drawers share: its deals, and after
 * whatever the record adds, its follow-ups, tasks, custom fields and history.
 */
export function recordTabs(t: TFunction, subject: Subject, related: Related): { deals: TabItem; trail: TabItem[] } {
  const { entity, record } = subject
  const saveCustom = (custom: CustomValuesInput) =>
    api.call('grid.update', { entity, changes: [{ id: record.id, version: record.version, patch: { custom } }] } as MethodInput<'grid.update'>)
  return {
    deals: { key: 'deals', label: `${t('records.tabs.deals')} (${related.opportunities.length})`, children: <DealList deals={related.opportunities} /> },
    trail: [
      { key: 'followUps', label: `${t('records.tabs.followUps')} (${related.activities.length})`, children: <FollowUpTimeline activities={related.activities} /> },
      { key: 'tasks', label: `${t('records.tabs.tasks')} (${related.tasks.length})`, children: <TaskList tasks={related.tasks} /> },
      { key: 'custom', label: t('records.tabs.custom'), children: <RecordCustomFields entity={entity} record={record} onSave={saveCustom} /> },
      { key: 'history', label: t('records.tabs.history'), children: <RecordHistory entityType={entity} entityId={record.id} /> },
    ],
  }
}

type TabItem = NonNullable<TabsProps['items']>[number]

/** Logs a follow-up on the record from its drawer's header. */
export function FollowUpButton({ subject, label }: { subject: Subject; label: string }) {
  const { entity, record } = subject
  return <Button onClick={() => openFollowUpEntry({ entityType: entity, entityId: record.id, name: record.name })}>{label}</Button>
}
