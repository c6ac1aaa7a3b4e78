import { App, Button, Checkbox, Empty, Flex, List, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AgendaItem } from '../../../../../shared/methods/loop'
import type { TaskPriority } from '../../../../../shared/enums'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useFormatters } from '../../format/hooks/useFormatters'
import { openFollowUpEntry } from '../../followUps/states/followUpEntry'
import { openRecord } from '../../opportunity/states/recordOpener'
import { useLabels } from '../../reference/hooks/useLabels'
import { currentTaskVersion } from '../utils/taskVersion'

const priorityColors: Record<TaskPriority, string> = { low: 'default', normal: 'blue', high: 'red' }

/** One section of the agenda: each line opens its record; a task is ticked done in place; a follow-up can be logged at once. */
export function AgendaList({ items, total, label }: { items: AgendaItem[]; total: number; label: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormatters()
  const labels = useLabels()

  const tick = async (item: AgendaItem) => {
    if (item.taskId === null) return
    try {
      const version = await currentTaskVersion(item.taskId, item.title)
      if (version === undefined) return
      await api.call('tasks.setStatus', { id: item.taskId, version, status: 'done' })
      void message.success(t('myDay.taskDone', { title: item.title }))
    } catch (err) {
      if (!isApiCallError(err)) throw err
      void message.error(err.message)
    }
  }

  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myDay.nothing')} />
  return (
    <List<AgendaItem>
      size="small"
      aria-label={label}
      dataSource={items}
      rowKey={(item) => `${item.kind}:${item.taskId ?? `${item.entityType}:${item.entityId}`}`}
      footer={total > items.length ? <Typography.Text type="secondary">{t('myDay.more', { count: total - items.length })}</Typography.Text> : undefined}
      renderItem={(item) => {
        const record = item.entityType && item.entityId !== null ? { entityType: item.entityType, entityId: item.entityId } : null
        return (
          <List.Item
            actions={[
              item.kind === 'followUp' && record ? (
                <Button key="log" size="small" onClick={() => openFollowUpEntry({ ...record, name: item.title })}>
                  {t('followUps.logFollowUp')}
                </Button>
              ) : null,
            ]}
          >
            <Flex gap={12} align="center" className="wb-myday-line">
              {item.kind === 'task' ? (
                <Checkbox aria-label={t('myDay.markDone', { title: item.title })} onChange={() => void tick(item)} />
              ) : (
                <Tag color="purple">{t('myDay.followUp')}</Tag>
              )}
              <Flex vertical>
                {record ? (
                  <Typography.Link onClick={() => openRecord(record)}>{item.title}</Typography.Link>
                ) : (
                  <Typography.Text>{item.title}</Typography.Text>
                )}
                <Typography.Text type="secondary">
                  {[record && t(`followUps.recordType.${record.entityType}`), item.subtitle].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
            </Flex>
            <Flex gap={8} align="center">
              {item.priority && item.priority !== 'normal' && (
                <Tag color={priorityColors[item.priority]}>{labels.enumLabel('taskPriority', item.priority)}</Tag>
              )}
              <Typography.Text type="secondary">{format.date(item.date)}</Typography.Text>
            </Flex>
          </List.Item>
        )
      }}
    />
  )
}
