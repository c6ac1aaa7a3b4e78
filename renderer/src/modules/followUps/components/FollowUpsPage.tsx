import { PlusOutlined } from '@ant-design/icons'
import { Button, Tabs } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WindowedGrid } from '../../grid/components/WindowedGrid'
import { TaskFormModal } from './TaskFormModal'

/** 跟进与任务: every follow-up and every task as windowed grids; a task is ticked done in its status cell. */
export function FollowUpsPage() {
  const { t } = useTranslation()
  const [creatingTask, setCreatingTask] = useState(false)
  const newTask = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreatingTask(true)}>
      {t('followUps.task.new')}
    </Button>
  )
  return (
    <section className="wb-page wb-page-fill" aria-label={t('followUps.title')}>
      <Tabs
        className="wb-fill-tabs"
        destroyOnHidden
        items={[
          {
            key: 'activities',
            label: t('followUps.activities'),
            children: <WindowedGrid entity="activity" label={t('followUps.activities')} />,
          },
          {
            key: 'tasks',
            label: t('followUps.tasks'),
            children: <WindowedGrid entity="task" label={t('followUps.tasks')} toolbarExtra={newTask} />,
          },
        ]}
      />
      {creatingTask && <TaskFormModal onClose={() => setCreatingTask(false)} />}
    </section>
  )
}
