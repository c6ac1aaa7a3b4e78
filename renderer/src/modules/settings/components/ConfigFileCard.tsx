import { DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Flex, Modal, Statistic, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConfigImportReport } from '../../../../../shared/methods/config'
import { api } from '../../../api/client'
import { isApiCallError } from '../../../api/ApiCallError'
import { pickFileToOpen, saveGeneratedFile } from '../../../api/files'
import { reloadCustomFields } from '../../customFields/utils/customFieldLoader'
import { useReferenceData } from '../../reference/hooks/useReferenceData'

const actionColors = { create: 'green', update: 'blue', unchanged: 'default', skip: 'orange' } as const

/** The whole configuration as a file: export it, or import one (a dry run's report first, then apply). */
export function ConfigFileCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { refresh } = useReferenceData()
  const [pending, setPending] = useState<{ path: string; report: ConfigImportReport } | null>(null)
  const [busy, setBusy] = useState(false)

  const guarded = async (work: () => Promise<void>) => {
    setBusy(true)
    try {
      await work()
    } catch (error) {
      void message.error(isApiCallError(error) ? error.message : String(error))
    } finally {
      setBusy(false)
    }
  }

  const exportConfig = () =>
    guarded(async () => {
      const written = await saveGeneratedFile(
        { title: t('configUi.file.export'), suggestedName: 'workbench-config.json', extensions: ['json'] },
        (outPath) => api.call('config.export', outPath ? { outPath } : {}),
      )
      if (written) void message.success(t('configUi.file.exported', { name: written.fileName }))
    })

  const importConfig = () =>
    guarded(async () => {
      const path = await pickFileToOpen({ title: t('configUi.file.import'), extensions: ['json'] })
      if (!path) return
      setPending({ path, report: await api.call('config.import', { path, dryRun: true }) })
    })

  const apply = () =>
    guarded(async () => {
      if (!pending) return
      const report = await api.call('config.import', { path: pending.path, dryRun: false })
      setPending(null)
      refresh()
      await reloadCustomFields()
      void message.success(t('configUi.file.applied', { create: report.counts.create, update: report.counts.update }))
    })

  const report = pending?.report
  return (
    <Card title={t('configUi.file.title')}>
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('configUi.file.help')}
        </Typography.Paragraph>
        <Flex gap={8}>
          <Button icon={<DownloadOutlined aria-hidden />} loading={busy && !pending} onClick={() => void exportConfig()}>
            {t('configUi.file.export')}
          </Button>
          <Button icon={<UploadOutlined aria-hidden />} onClick={() => void importConfig()}>
            {t('configUi.file.import')}
          </Button>
        </Flex>
      </Flex>
      <Modal
        open={pending !== null}
        title={t('configUi.file.reportTitle')}
        okText={t('configUi.file.apply')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void apply()}
        onCancel={() => setPending(null)}
        width={720}
      >
        {report && (
          <Flex vertical gap={12} data-testid="config-import-report">
            <Alert type="info" showIcon title={t('configUi.file.dryRun')} />
            <Flex gap={24}>
              {(['create', 'update', 'unchanged', 'skip'] as const).map((action) => (
                <Statistic key={action} title={t(`configUi.file.actions.${action}`)} value={report.counts[action]} />
              ))}
            </Flex>
            <Table
              size="small"
              rowKey={(c) => `${c.part}:${c.key}`}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={report.changes.filter((c) => c.action !== 'unchanged')}
              columns={[
                { key: 'part', title: t('configUi.file.part'), width: 120, render: (_, c) => t(`configUi.file.parts.${c.part}`) },
                { key: 'key', title: t('configUi.key'), render: (_, c) => <code>{c.key}</code> },
                {
                  key: 'action',
                  title: t('configUi.file.action'),
                  width: 90,
                  render: (_, c) => <Tag color={actionColors[c.action]}>{t(`configUi.file.actions.${c.action}`)}</Tag>,
                },
                { key: 'note', title: t('configUi.file.note'), render: (_, c) => c.note ?? '' },
              ]}
            />
          </Flex>
        )}
      </Modal>
    </Card>
  )
}
