import { Empty, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../../../../shared/entities'
import { findColumn } from '../../../../../shared/columns'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useLabels } from '../../reference/hooks/useLabels'

/** Who changed what and when, newest first, as the core recorded it. */
export function AuditList({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const labels = useLabels()
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noHistory')} />

  const fieldLabel = (field: string) => {
    const column = findColumn('opportunity', field)
    return column ? labels.bilingual(column.labelZh, column.labelEn) : field
  }
  // Ids mean nothing to a reader; the two that change most often are shown by name.
  const valueLabel = (field: string | null, value: string | null) => {
    if (value === null || value === '') return t('common.empty')
    if (field === 'stageId') return labels.stageName(Number(value)) ?? value
    if (field === 'ownerId') return labels.userName(Number(value)) ?? value
    return value
  }

  return (
    <Table<AuditEntry>
      size="small"
      rowKey="id"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={[...entries].sort((a, b) => b.at.localeCompare(a.at))}
      columns={[
        { key: 'at', title: t('detail.audit.at'), width: 150, render: (_, e) => format.dateTime(e.at) },
        { key: 'user', title: t('detail.audit.user'), width: 100, render: (_, e) => labels.userName(e.userId) ?? e.userName },
        { key: 'action', title: t('detail.audit.action'), width: 90, render: (_, e) => labels.enumLabel('auditAction', e.action) },
        {
          key: 'change',
          title: t('detail.audit.change'),
          render: (_, e) =>
            e.field
              ? t('detail.auditField', {
                  field: fieldLabel(e.field),
                  from: valueLabel(e.field, e.oldValue),
                  to: valueLabel(e.field, e.newValue),
                })
              : t('common.empty'),
        },
      ]}
    />
  )
}
