import { Alert, Button, Drawer, Flex, Skeleton, Tabs } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../../api/useApiQuery'
import { openFollowUpEntry } from '../../followUps/states/followUpEntry'
import { RecordHistory } from '../../history/components/RecordHistory'
import { StageTag } from '../../reference/components/StageTag'
import { useRepurchase } from '../hooks/useRepurchase'
import { AccountPanel } from './AccountPanel'
import { ContractPanel } from './ContractPanel'
import { FollowUpTimeline } from './FollowUpTimeline'
import { LoseDialog } from './LoseDialog'
import { OpportunityOverview } from './OpportunityOverview'
import { TaskList } from './TaskList'
import { WinDialog } from './WinDialog'
import { OpportunityCustomFields } from '../../customFields/components/OpportunityCustomFields'
import { MovePipelineButton } from '../../settings/components/MovePipelineButton'

interface Props {
  /** The opportunity to show; null keeps the drawer closed. */
  opportunityId: number | null
  onClose(): void
}

export function OpportunityDetailDrawer({ opportunityId, onClose }: Props) {
  const { t } = useTranslation()
  const [closing, setClosing] = useState<'win' | 'lose' | null>(null)
  const repurchase = useRepurchase()
  const detail = useApiQuery(
    'opportunities.detail',
    // While closed nothing is sent, so the placeholder id is never asked for.
    { id: opportunityId ?? 1 },
    { reads: ['opportunity', 'activity', 'task', 'account', 'contact', 'contract'], enabled: opportunityId !== null },
  )
  // A refetch for another record must not show the previous one's fields.
  const data = detail.data?.opportunity.id === opportunityId ? detail.data : undefined
  const deal = data?.opportunity

  const actions = deal && (
    <Flex gap={8}>
      <Button onClick={() => openFollowUpEntry({ entityType: 'opportunity', entityId: deal.id, name: deal.name })}>{t('deal.actions.followUp')}</Button>
      {deal.stageKind === 'open' && (
        <>
          <Button type="primary" onClick={() => setClosing('win')}>
            {t('deal.actions.win')}
          </Button>
          <Button danger onClick={() => setClosing('lose')}>
            {t('deal.actions.lose')}
          </Button>
        </>
      )}
      {deal.stageKind === 'won' && <Button onClick={() => repurchase(deal)}>{t('deal.actions.repurchase')}</Button>}
      <MovePipelineButton deal={deal} />
    </Flex>
  )

  return (
    <Drawer
      open={opportunityId !== null}
      onClose={onClose}
      size={860}
      destroyOnHidden
      extra={actions}
      title={
        data ? (
          <Flex gap={8} align="center">
            <span>{data.opportunity.name}</span>
            <StageTag stageId={data.opportunity.stageId} fallback={data.opportunity.stageName} />
          </Flex>
        ) : (
          t('detail.loading')
        )
      }
    >
      {detail.error && !data && <Alert type="error" showIcon title={detail.error.message} />}
      {!data && !detail.error && <Skeleton active paragraph={{ rows: 8 }} />}
      {data && (
        <Tabs
          items={[
            { key: 'overview', label: t('detail.tabs.overview'), children: <OpportunityOverview detail={data} /> },
            { key: 'custom', label: t('customFields.sectionTitle'), children: <OpportunityCustomFields deal={data.opportunity} /> },
            {
              key: 'followUps',
              label: `${t('detail.tabs.followUps')} (${data.activities.length})`,
              children: <FollowUpTimeline activities={data.activities} />,
            },
            {
              key: 'tasks',
              label: `${t('detail.tabs.tasks')} (${data.tasks.length})`,
              children: <TaskList tasks={data.tasks} />,
            },
            { key: 'contract', label: t('deal.tabs.contract'), children: <ContractPanel opportunityId={data.opportunity.id} /> },
            { key: 'account', label: t('detail.tabs.account'), children: <AccountPanel detail={data} /> },
            { key: 'history', label: t('detail.tabs.history'), children: <RecordHistory entityType="opportunity" entityId={data.opportunity.id} /> },
          ]}
        />
      )}
      {deal && closing === 'win' && <WinDialog deal={deal} onClose={() => setClosing(null)} />}
      {deal && closing === 'lose' && <LoseDialog deal={deal} onClose={() => setClosing(null)} />}
    </Drawer>
  )
}
