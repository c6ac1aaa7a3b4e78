import { UndoOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TrashItem } from '../../../../../shared/entities'
import { TrashableEntity } from '../../../../../shared/enums'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { useFormatters } from '../../format/hooks/useFormatters'

const trashable = TrashableEntity.options

/** 回收站: deleted and merged-away records, newest first, each one click from coming back. */
export function TrashTable() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormatters()
  const trash = useApiQuery('trash.list', {}, { reads: trashable })
  const [restoring, setRestoring] = useState<string>()

  const restore = async (item: TrashItem) => {
    const entityType = TrashableEntity.parse(item.entityType)
    setRestoring(`${item.entityType}:${item.entityId}`)
    try {
      await api.call('trash.restore', { entityType, entityId: item.entityId })
      void message.success(t('history.trash.restored', { title: item.title }))
    } catch (err) {
      if (!isApiCallError(err)) throw err
      void message.error(err.message)
    } finally {
      setRestoring(undefined)
    }
  }

  return (
    <Card title={t('history.trash.title')}>
      {trash.error && <Alert type="error" showIcon title={trash.error.message} />}
      <Table<TrashItem>
        size="small"
        aria-label={t('history.trash.title')}
        rowKey={(item) => `${item.entityType}:${item.entityId}`}
        loading={trash.loading && !trash.data}
        dataSource={trash.data ?? []}
        locale={{ emptyText: t('history.trash.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: 'type', title: t('history.trash.type'), width: 100, render: (_, item) => <Tag>{t(`history.subjects.${item.entityType}`)}</Tag> },
          { key: 'title', title: t('history.trash.name'), dataIndex: 'title' },
          { key: 'deletedAt', title: t('history.trash.deletedAt'), width: 160, render: (_, item) => format.dateTime(item.deletedAt) },
          {
            key: 'restore',
            width: 110,
            render: (_, item) => (
              <Button
                size="small"
                icon={<UndoOutlined aria-hidden />}
                disabled={!TrashableEntity.safeParse(item.entityType).success}
                loading={restoring === `${item.entityType}:${item.entityId}`}
                aria-label={t('history.trash.restoreOne', { title: item.title })}
                onClick={() => void restore(item)}
              >
                {t('history.trash.restore')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  )
}
