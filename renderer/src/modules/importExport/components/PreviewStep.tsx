import { DownloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, List, Statistic, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportCounts, ImportReport, RowIssue } from '../../../../../shared/methods/imports'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useLabels } from '../../reference/hooks/useLabels'
import type { useImportWizard } from '../hooks/useImportWizard'
import { JobProgress } from './JobProgress'

type Wizard = ReturnType<typeof useImportWizard>

const countKeys: (keyof ImportCounts)[] = ['rows', 'create', 'update', 'unchanged', 'skip', 'reject']

/** Step 3: the dry run (a job with progress and Cancel), what it found, and the import itself. */
export function PreviewStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation()
  const { state } = wizard
  const { preview, job } = state
  const running = job?.kind === 'preview' || job?.kind === 'commit'
  const importable = preview ? preview.counts.create + preview.counts.update : 0

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary">{t('importExport.preview.intro')}</Typography.Paragraph>
      {job && job.kind !== 'inspect' && (
        <JobProgress
          key={job.id}
          jobId={job.id}
          label={job.kind === 'commit' ? t('importExport.job.phases.writing') : t('importExport.preview.running')}
          onCancel={() => void wizard.cancel()}
        />
      )}
      {job?.kind === 'commit' && <Typography.Text type="secondary">{t('importExport.done.running')}</Typography.Text>}
      {!preview && !running && (
        <Alert
          type="info"
          showIcon
          title={t('importExport.preview.stale')}
          action={
            <Button type="primary" onClick={() => void wizard.preview()}>
              {t('importExport.preview.run')}
            </Button>
          }
        />
      )}
      {preview && <PreviewReport report={preview} />}
      <Flex gap={8} justify="end" wrap>
        <Button disabled={running} onClick={() => wizard.goTo('mapping')}>
          {t('importExport.preview.back')}
        </Button>
        {preview && (
          <Button disabled={running} onClick={() => void wizard.preview()}>
            {t('importExport.preview.again')}
          </Button>
        )}
        {preview && preview.issueCount > 0 && (
          <Button icon={<DownloadOutlined aria-hidden />} disabled={running} loading={job?.kind === 'errorRows'} onClick={() => void wizard.downloadErrorRows()}>
            {t('importExport.preview.errorRows')}
          </Button>
        )}
        <Button type="primary" disabled={!preview || running || importable === 0} loading={job?.kind === 'commit'} onClick={() => void wizard.commit()}>
          {importable > 0 ? t('importExport.preview.commit', { count: importable }) : t('importExport.preview.commitNothing')}
        </Button>
      </Flex>
    </Flex>
  )
}

function PreviewReport({ report }: { report: ImportReport }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const labels = useLabels()
  const { creates } = report
  const createLines = [
    creates.stages.length > 0 && t('importExport.preview.createsStages', { names: creates.stages.join(', ') }),
    creates.users.length > 0 && t('importExport.preview.createsUsers', { names: creates.users.join(', ') }),
    ...picklistLines(report).map(([list, values]) =>
      t('importExport.preview.createsPicklist', { list: labels.enumLabel('picklistKey', list) ?? list, labels: values }),
    ),
    creates.accounts > 0 && t('importExport.preview.createsAccounts', { count: creates.accounts }),
    creates.contacts > 0 && t('importExport.preview.createsContacts', { count: creates.contacts }),
  ].filter((line): line is string => typeof line === 'string')

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap data-testid="import-preview-counts">
        {countKeys.map((key) => (
          <Card key={key} size="small" style={{ minWidth: 110 }} data-testid={`import-count-${key}`}>
            <Statistic
              title={t(`importExport.preview.counts.${key}`)}
              value={format.number(report.counts[key])}
              styles={key === 'reject' && report.counts.reject > 0 ? { content: { color: 'var(--ant-color-error)' } } : undefined}
            />
          </Card>
        ))}
      </Flex>
      {createLines.length > 0 && <List size="small" bordered header={t('importExport.preview.creates')} dataSource={createLines} renderItem={(line) => <List.Item>{line}</List.Item>} />}
      {report.fills.length > 0 && (
        <List
          size="small"
          bordered
          header={t('importExport.preview.fills')}
          dataSource={report.fills}
          renderItem={(fill) => <List.Item>{t('importExport.preview.fillRows', { message: fill.message, count: fill.rows })}</List.Item>}
        />
      )}
      <RejectedRows report={report} />
    </Flex>
  )
}

/** New picklist values grouped by list: [list name, "a, b"]. */
function picklistLines(report: ImportReport): [string, string][] {
  const byList = new Map<string, string[]>()
  for (const { list, label } of report.creates.picklistValues) byList.set(list, [...(byList.get(list) ?? []), label])
  return [...byList].map(([list, labels]) => [list, labels.join(', ')])
}

function RejectedRows({ report }: { report: ImportReport }) {
  const { t } = useTranslation()
  if (report.issueCount === 0) return <Alert type="success" showIcon title={t('importExport.preview.noRejected')} />
  return (
    <Table<RowIssue & { key: number }>
      size="small"
      bordered
      title={() => (
        <Flex vertical>
          <Typography.Text strong>{t('importExport.preview.rejected', { count: report.issueCount })}</Typography.Text>
          {report.issueCount > report.issues.length && (
            <Typography.Text type="secondary">{t('importExport.preview.rejectedMore', { shown: report.issues.length, count: report.issueCount })}</Typography.Text>
          )}
        </Flex>
      )}
      pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
      dataSource={report.issues.map((issue, key) => ({ ...issue, key }))}
      columns={[
        { key: 'row', title: t('importExport.preview.columns.row'), dataIndex: 'row', width: 80 },
        { key: 'column', title: t('importExport.preview.columns.column'), width: 180, render: (_, issue) => issue.column ?? t('importExport.preview.wholeRow') },
        { key: 'value', title: t('importExport.preview.columns.value'), width: 200, ellipsis: true, render: (_, issue) => issue.value ?? '' },
        { key: 'reason', title: t('importExport.preview.columns.reason'), dataIndex: 'message' },
      ]}
    />
  )
}
