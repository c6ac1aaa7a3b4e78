import { BellOutlined } from '@ant-design/icons'
import { App, Badge, Button, Empty, Flex, List, Popover, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Notification } from '../../../../../shared/methods/loop'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { useFormatters } from '../../format/hooks/useFormatters'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useReminderClicks } from '../hooks/useReminderClicks'
import { openReminder } from '../utils/openReminder'
import '../styles/notifications.css'

/** The header's bell: due reminders not yet seen; each opens its record and is marked seen. */
export function NotificationBell() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormatters()
  const { currentUserId } = usePreferences()
  const [open, setOpen] = useState(false)
  // The current user is part of the input so switching users asks again; without one there is nobody to remind.
  const forUser = currentUserId === null ? {} : { userId: currentUserId }
  const list = useApiQuery('notifications.list', forUser, { reads: ['task'], enabled: currentUserId !== null })
  const unseen = list.data?.unseen ?? 0
  const items = list.data?.items ?? []

  const markSeen = async (taskIds?: number[]) => {
    try {
      await api.call('notifications.markSeen', { ...forUser, taskIds })
    } catch (err) {
      if (!isApiCallError(err)) throw err
      void message.error(err.message)
    }
  }

  const openItem = (item: Notification) => {
    setOpen(false)
    void markSeen([item.taskId])
    openReminder(item)
  }
  useReminderClicks(markSeen)

  const content = (
    <Flex vertical className="wb-bell-panel">
      <List<Notification>
        size="small"
        dataSource={items}
        rowKey="taskId"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} /> }}
        renderItem={(item) => (
          <List.Item className="wb-bell-item" onClick={() => openItem(item)}>
            <Flex vertical>
              <Typography.Link>{item.title}</Typography.Link>
              <Typography.Text type="secondary">
                {[item.entityType && t(`followUps.recordType.${item.entityType}`), item.dueDate && t('notifications.due', { date: format.date(item.dueDate) })]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </Flex>
            {item.priority === 'high' && <Tag color="red">{t('notifications.high')}</Tag>}
          </List.Item>
        )}
      />
      {items.length > 0 && (
        <Button type="link" onClick={() => void markSeen()}>
          {t('notifications.markAllSeen')}
        </Button>
      )}
    </Flex>
  )

  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" title={t('notifications.title')} content={content}>
      <Badge count={unseen} size="small" overflowCount={99}>
        <Button type="text" shape="circle" icon={<BellOutlined />} aria-label={t('notifications.bell', { count: unseen })} data-testid="notification-bell" />
      </Badge>
    </Popover>
  )
}
