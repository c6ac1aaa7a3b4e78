import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { WindowedGrid } from '../../grid/components/WindowedGrid'

export function FollowUpsPage() {
  const { t } = useTranslation()
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
          { key: 'tasks', label: t('followUps.tasks'), children: <WindowedGrid entity="task" label={t('followUps.tasks')} /> },
        ]}
      />
    </section>
  )
}
