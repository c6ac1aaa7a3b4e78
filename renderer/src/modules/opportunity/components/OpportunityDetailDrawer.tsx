import { Alert, Drawer, Flex, Skeleton, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../../api/useApiQuery'
import { StageTag } from '../../reference/components/StageTag'
import { AccountPanel } from './AccountPanel'
import { ActivityList } from './ActivityList'
import { AuditList } from './AuditList'
import { OpportunityOverview } from './OpportunityOverview'
import { TaskList } from './TaskList'

interface Props {
  /** The opportunity to show; null keeps the drawer closed. */
  opportunityId: number | null
  onClose(): void
}

export function OpportunityDetailDrawer({ opportunityId, onClose }: Props) {
  const { t } = useTranslation()
  const detail = useApiQuery(
    'opportunities.detail',
    // While closed nothing is sent, so the placeholder id is never asked for.
    { id: opportunityId ?? 1 },
    { reads: ['opportunity', 'activity', 'task', 'account', 'contact'], enabled: opportunityId !== null },
  )
  // A refetch for another record must not show the previous one's fields.
  const data = detail.data?.opportunity.id === opportunityId ? detail.data : undefined

  return (
    <Drawer
      open={opportunityId !== null}
      onClose={onClose}
      size={800}
      destroyOnHidden
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
            {
              key: 'followUps',
              label: `${t('detail.tabs.followUps')} (${data.activities.length})`,
              children: <ActivityList activities={data.activities} />,
            },
            {
              key: 'tasks',
              label: `${t('detail.tabs.tasks')} (${data.tasks.length})`,
              children: <TaskList tasks={data.tasks} />,
            },
            { key: 'account', label: t('detail.tabs.account'), children: <AccountPanel detail={data} /> },
            { key: 'history', label: t('detail.tabs.history'), children: <AuditList entries={data.audit} /> },
          ]}
        />
      )}
    </Drawer>
  )
}
