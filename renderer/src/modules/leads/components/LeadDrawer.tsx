import { MergeOutlined, MessageOutlined, RollbackOutlined, UserAddOutlined } from '@ant-design/icons'
import { Alert, App, Button, Drawer, Flex, Skeleton, Tabs, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { RecordCustomFields } from '../../customFields/components/RecordCustomFields'
import { openFollowUpEntry } from '../../followUps/states/followUpEntry'
import { RecordHistory } from '../../history/components/RecordHistory'
import { MergeDialog } from '../../merge/components/MergeDialog'
import { FollowUpTimeline } from '../../opportunity/components/FollowUpTimeline'
import { OpportunityDetailDrawer } from '../../opportunity/components/OpportunityDetailDrawer'
import { TaskList } from '../../opportunity/components/TaskList'
import { useLabels } from '../../reference/hooks/useLabels'
import { BantForm } from './BantForm'
import { ConvertPanel } from './ConvertPanel'
import { LeadOverview } from './LeadOverview'
import { LeadPicker } from './LeadPicker'

const gradeColors = { A: 'green', B: 'blue', C: 'default' } as const
const openStatuses = new Set(['new', 'contacted', 'qualified'])

interface Props {
  leadId: number
  onClose(): void
}

/** One lead: its fields and rating, BANT, conversion, pool actions, merge and history. */
export function LeadDrawer({ leadId, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const labels = useLabels()
  const detail = useApiQuery('leads.detail', { id: leadId }, { reads: ['lead', 'activity', 'task'] })
  const config = useApiQuery('loopConfig.get', {}, { reads: ['lead'] })
  const [dealId, setDealId] = useState<number | null>(null)
  const [picking, setPicking] = useState(false)
  const [mergeWith, setMergeWith] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  // A refetch for another lead must not show the previous one's fields.
  const data = detail.data?.lead.id === leadId ? detail.data : undefined
  const lead = data?.lead

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await action()
      void message.success(done)
    } catch (err) {
      if (!isApiCallError(err)) throw err
      void message.error(err.message)
    } finally {
      setBusy(false)
    }
  }

  const open = lead !== undefined && openStatuses.has(lead.status)
  const actions = lead && (
    <Flex gap={8}>
      {/* A follow-up keeps a claimed lead from returning to the pool. */}
      <Button icon={<MessageOutlined aria-hidden />} onClick={() => openFollowUpEntry({ entityType: 'lead', entityId: lead.id, name: lead.company })}>
        {t('leads.drawer.followUp')}
      </Button>
      {open && lead.ownerId === null && (
        <Button
          icon={<UserAddOutlined aria-hidden />}
          loading={busy}
          onClick={() => void run(() => api.call('pool.claim', { rows: [{ id: lead.id, version: lead.version }] }), t('leads.pool.claimed', { count: 1 }))}
        >
          {t('leads.pool.claim')}
        </Button>
      )}
      {open && lead.ownerId !== null && (
        <Button
          icon={<RollbackOutlined aria-hidden />}
          loading={busy}
          onClick={() => void run(() => api.call('pool.release', { id: lead.id, version: lead.version }), t('leads.pool.released'))}
        >
          {t('leads.pool.release')}
        </Button>
      )}
      <Button icon={<MergeOutlined aria-hidden />} onClick={() => setPicking(true)}>
        {t('merge.action')}
      </Button>
    </Flex>
  )

  return (
    <>
      <Drawer
        open
        onClose={onClose}
        size={820}
        destroyOnHidden
        extra={actions}
        title={
          lead ? (
            <Flex gap={8} align="center">
              <span>{lead.company}</span>
              {lead.grade && <Tag color={gradeColors[lead.grade]}>{lead.grade}</Tag>}
              <Tag>{labels.enumLabel('leadStatus', lead.status)}</Tag>
            </Flex>
          ) : (
            t('leads.drawer.loading')
          )
        }
      >
        {detail.error && !data && <Alert type="error" showIcon title={detail.error.message} />}
        {!data && !detail.error && <Skeleton active paragraph={{ rows: 8 }} />}
        {data && (
          <Tabs
            items={[
              { key: 'overview', label: t('leads.drawer.overview'), children: <LeadOverview detail={data} rating={config.data?.leadRating} /> },
              { key: 'qualify', label: t('leads.drawer.qualify'), children: <BantForm lead={data.lead} bant={data.bant} /> },
              {
                key: 'custom',
                label: t('customFields.sectionTitle'),
                children: (
                  <RecordCustomFields
                    entity="lead"
                    record={data.lead}
                    onSave={(custom) => api.call('grid.update', { entity: 'lead', changes: [{ id: data.lead.id, version: data.lead.version, patch: { custom } }] })}
                  />
                ),
              },
              {
                key: 'followUps',
                label: `${t('leads.drawer.followUps')} (${data.activities.length})`,
                children: <FollowUpTimeline activities={data.activities} />,
              },
              { key: 'tasks', label: `${t('leads.drawer.tasks')} (${data.tasks.length})`, children: <TaskList tasks={data.tasks} /> },
              { key: 'convert', label: t('leads.drawer.convert'), children: <ConvertPanel detail={data} onOpenDeal={setDealId} /> },
              { key: 'history', label: t('leads.drawer.history'), children: <RecordHistory entityType="lead" entityId={leadId} /> },
            ]}
          />
        )}
      </Drawer>
      {picking && (
        <LeadPicker
          excludeId={leadId}
          onCancel={() => setPicking(false)}
          onPick={(id) => {
            setPicking(false)
            setMergeWith(id)
          }}
        />
      )}
      {mergeWith !== null && <MergeDialog entityType="lead" ids={[leadId, mergeWith]} onClose={() => setMergeWith(null)} />}
      {dealId !== null && <OpportunityDetailDrawer opportunityId={dealId} onClose={() => setDealId(null)} />}
    </>
  )
}
