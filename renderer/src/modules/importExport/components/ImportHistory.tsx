import { App, Button, Popconfirm, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportBatch } from '../../../../../shared/methods/imports'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { useFormatters } from '../../format/hooks/useFormatters'
import { errorText } from '../utils/errorText'

/** Past imports, newest first, each with Undo (forced, after a warning, when its records were edited since). */
export function ImportHistory() {
  const { t } = useTranslation()
  const format = useFormatters()
  const { message, modal } = App.useApp()
  const history = useApiQuery('imports.history', { limit: 50 }, { reads: ['opportunity', 'lead', 'account', 'contact'] })
  const [undoing, setUndoing] = useState<string | null>(null)

  async function undo(batch: ImportBatch, force: boolean): Promise<void> {
    setUndoing(batch.id)
    try {
      const report = await api.call('imports.undo', { batchId: batch.id, force })
      void message.success(t('importExport.history.undoDone', report))
    } catch (err) {
      if (!force && isApiCallError(err) && err.code === 'IMPORT_EDITED_SINCE') {
        modal.confirm({
          title: t('importExport.history.undoForceTitle'),
          content: err.message,
          okText: t('importExport.history.undoForce'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: () => undo(batch, true),
        })
      } else {
        void message.error(errorText(err))
      }
    } finally {
      setUndoing(null)
      history.refetch()
    }
  }

  return (
    <Table<ImportBatch>
      size="small"
      rowKey="id"
      loading={history.loading && !history.data}
      dataSource={history.data ?? []}
      locale={{ emptyText: history.error?.message ?? t('importExport.history.empty') }}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'file', title: t('importExport.history.file'), dataIndex: 'fileName', ellipsis: true },
        { key: 'sheet', title: t('importExport.history.sheet'), render: (_, b) => b.sheet ?? t('common.empty') },
        { key: 'entity', title: t('importExport.history.entity'), render: (_, b) => t(`importExport.entities.${b.entity}`) },
        { key: 'counts', title: t('importExport.history.counts'), render: (_, b) => t('importExport.history.countsText', b.counts) },
        { key: 'user', title: t('importExport.history.user'), render: (_, b) => b.userName ?? t('common.empty') },
        { key: 'time', title: t('importExport.history.time'), render: (_, b) => format.dateTime(b.createdAt) },
        {
          key: 'status',
          title: t('importExport.history.status'),
          render: (_, b) =>
            b.undoneAt ? (
              <Tag title={t('importExport.history.undoneAt', { time: format.dateTime(b.undoneAt) })}>{t('importExport.history.undone')}</Tag>
            ) : (
              <Popconfirm
                title={t('importExport.history.undoConfirm')}
                description={<Typography.Paragraph className="wb-readable">{t('importExport.history.undoConfirmBody')}</Typography.Paragraph>}
                okText={t('importExport.history.undo')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => undo(b, false)}
              >
                <Button size="small" danger loading={undoing === b.id} aria-label={`${t('importExport.history.undo')}: ${b.fileName}`}>
                  {t('importExport.history.undo')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  )
}
