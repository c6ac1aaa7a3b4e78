import { Alert, Empty, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../../../../shared/entities'
import type { RecordType } from '../../../../../shared/methods/loop'
import { useApiQuery } from '../../../api/useApiQuery'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useLabels } from '../../reference/hooks/useLabels'
import { useAuditText } from '../hooks/useAuditText'

const actionColors: Partial<Record<AuditEntry['action'], string>> = {
  create: 'green',
  delete: 'red',
  restore: 'cyan',
  stage: 'blue',
  merge: 'purple',
  assign: 'gold',
  import: 'geekblue',
  undo: 'orange',
}

interface Props {
  entityType: RecordType
  entityId: number
}

/**
 * A record's whole trail, newest first: who, when, which field, old → new,
 * with stage moves, merges, assignments, imports and undos, and the trail
 * of its follow-ups and tasks. Any record drawer can show it.
 */
export function RecordHistory({ entityType, entityId }: Props) {
  const { t } = useTranslation()
  const format = useFormatters()
  const labels = useLabels()
  const text = useAuditText()
  const history = useApiQuery(
    'history.list',
    { entityType, entityId },
    { reads: [entityType, 'activity', 'task', 'contract', 'payment', 'lead', 'account', 'contact', 'opportunity'] },
  )

  if (history.error) return <Alert type="error" showIcon title={history.error.message} />
  const entries = history.data ?? []
  if (!history.loading && entries.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />
  }

  return (
    <Table<AuditEntry>
      size="small"
      rowKey="id"
      aria-label={t('history.label')}
      loading={history.loading && entries.length === 0}
      pagination={{ pageSize: 25, hideOnSinglePage: true }}
      dataSource={entries}
      columns={[
        { key: 'at', title: t('history.columns.at'), width: 140, render: (_, e) => format.dateTime(e.at) },
        {
          key: 'user',
          title: t('history.columns.user'),
          width: 100,
          render: (_, e) => labels.userName(e.userId) ?? e.userName ?? t('history.system'),
        },
        {
          key: 'action',
          title: t('history.columns.action'),
          width: 110,
          render: (_, e) => (
            <>
              <Tag color={actionColors[e.action]}>{labels.enumLabel('auditAction', e.action)}</Tag>
              {e.entityType !== entityType && <Tag>{t(`history.subjects.${e.entityType}`)}</Tag>}
            </>
          ),
        },
        {
          key: 'change',
          title: t('history.columns.change'),
          // The only rows of another record of the same type are the deals that followed this one.
          render: (_, e) =>
            e.entityType === entityType && e.entityId !== entityId ? t('history.successorCreated', { id: e.entityId }) : text.change(e),
        },
      ]}
    />
  )
}
