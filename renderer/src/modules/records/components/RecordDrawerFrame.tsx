import { Alert, Drawer, Skeleton, Tabs, type TabsProps } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface Props {
  /** Null while loading. */
  title: ReactNode | null
  actions?: ReactNode
  error?: string
  tabs: TabsProps['items'] | null
  onClose(): void
}

/** The shell of an account's or contact's drawer: title, actions, loading and error states, tabs. */
export function RecordDrawerFrame({ title, actions, error, tabs, onClose }: Props) {
  const { t } = useTranslation()
  return (
    <Drawer open onClose={onClose} size={860} destroyOnHidden extra={actions} title={title ?? t('detail.loading')}>
      {error && !tabs && <Alert type="error" showIcon title={error} />}
      {!tabs && !error && <Skeleton active paragraph={{ rows: 8 }} />}
      {tabs && <Tabs items={tabs} />}
    </Drawer>
  )
}
