import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons'
import { Button, Flex, Form, Segmented, Select, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ImportEntity } from '../../../../../shared/methods/imports'
import { useFormatters } from '../../format/hooks/useFormatters'
import type { useImportWizard } from '../hooks/useImportWizard'
import { sampleRows } from '../utils/mapping'
import { JobProgress } from './JobProgress'

type Wizard = ReturnType<typeof useImportWizard>

/** Step 1: what to import into, which file, which sheet; the header and first rows as the core read them. */
export function FileStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const { state } = wizard
  const { inspection } = state
  const busy = state.job?.kind === 'inspect'

  return (
    <Flex vertical gap={16}>
      <Form layout="vertical" component={false}>
        <Form.Item label={t('importExport.file.entity')}>
          <Segmented<ImportEntity>
            aria-label={t('importExport.file.entity')}
            value={state.entity}
            disabled={busy}
            onChange={(entity) => void wizard.setEntity(entity)}
            options={ImportEntity.options.map((entity) => ({ value: entity, label: t(`importExport.entities.${entity}`) }))}
          />
        </Form.Item>
      </Form>
      <Flex gap={8} wrap align="center">
        <Button type="primary" icon={<FileExcelOutlined aria-hidden />} loading={busy} onClick={() => void wizard.pickFile()}>
          {inspection ? t('importExport.file.pickAnother') : t('importExport.file.pick')}
        </Button>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void wizard.downloadBlankTemplate(state.entity)}>
          {t('importExport.file.blankTemplate')}
        </Button>
        <Typography.Text type="secondary">{t('importExport.file.hint')}</Typography.Text>
      </Flex>
      {busy && state.job && <JobProgress jobId={state.job.id} label={t('importExport.file.reading')} onCancel={() => void wizard.cancel()} />}
      {inspection && (
        <>
          <Flex gap={16} wrap align="center">
            <Typography.Text strong data-testid="import-file-summary">
              {t('importExport.file.summary', {
                file: inspection.fileName,
                headerRow: inspection.headerRow,
                rows: format.number(inspection.dataRows),
              })}
            </Typography.Text>
            {inspection.encoding && <Typography.Text type="secondary">{t('importExport.file.encoding', { encoding: inspection.encoding })}</Typography.Text>}
            {inspection.sheets.length > 1 && (
              <Select<string>
                aria-label={t('importExport.file.sheet')}
                value={inspection.sheet}
                disabled={busy}
                onChange={(sheet) => void wizard.setSheet(sheet)}
                popupMatchSelectWidth={false}
                options={inspection.sheets.map((s) => ({
                  value: s.name,
                  label: s.hidden ? t('importExport.file.hiddenSheet', { name: s.name }) : s.name,
                }))}
                style={{ minWidth: 180 }}
              />
            )}
          </Flex>
          <SampleTable rows={sampleRows(inspection)} headers={inspection.columns.map((c) => c.header)} title={t('importExport.file.samples')} />
          <Flex justify="end">
            <Button type="primary" disabled={busy} onClick={() => wizard.goTo('mapping')}>
              {t('importExport.file.next')}
            </Button>
          </Flex>
        </>
      )}
    </Flex>
  )
}

function SampleTable({ headers, rows, title }: { headers: string[]; rows: string[][]; title: string }) {
  return (
    <Table<{ key: number; cells: string[] }>
      size="small"
      bordered
      title={() => title}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows.map((cells, key) => ({ key, cells }))}
      columns={headers.map((header, i) => ({
        key: i,
        title: header,
        ellipsis: true,
        width: 160,
        render: (_: unknown, row) => row.cells[i],
      }))}
    />
  )
}
