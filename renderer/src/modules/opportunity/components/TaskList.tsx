import { CheckCircleTwoTone, ClockCircleOutlined } from '@ant-design/icons'
import { Empty, List, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Task } from '../../../../../shared/entities'
import type { TaskPriority } from '../../../../../shared/enums'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useLabels } from '../../reference/hooks/useLabels'

const priorityColors: Record<TaskPriority, string> = { low: 'default', normal: 'blue', high: 'red' }

export function TaskList({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const labels = useLabels()
  if (tasks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noTasks')} />

  return (
    <List
      dataSource={tasks}
      rowKey="id"
      renderItem={(task) => (
        <List.Item
          extra={<Tag color={priorityColors[task.priority]}>{labels.enumLabel('taskPriority', task.priority)}</Tag>}
        >
          <List.Item.Meta
            avatar={task.status === 'done' ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <ClockCircleOutlined />}
            title={<Typography.Text delete={task.status === 'done'}>{task.title}</Typography.Text>}
            description={[
              labels.enumLabel('taskStatus', task.status),
              task.dueDate && t('detail.due', { date: format.date(task.dueDate) }),
              labels.userName(task.assigneeId) ?? task.assigneeName,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        </List.Item>
      )}
    />
  )
}
