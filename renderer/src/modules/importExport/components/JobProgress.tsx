import { Button, Flex, Progress, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useJobProgress } from '../hooks/useJobProgress'

interface Props {
  jobId: string
  /** What the job is doing before its first progress event. */
  label: string
  onCancel?(): void
}

const knownPhases = new Set(['reading', 'checking', 'matching', 'writing', 'finishing', 'exporting'])

/** A running job's phase and share done, driven by the core's progress events, with Cancel. */
export function JobProgress({ jobId, label, onCancel }: Props) {
  const { t } = useTranslation()
  const progress = useJobProgress(jobId)
  const percent = progress && progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0
  const phase = progress && knownPhases.has(progress.phase) ? t(`importExport.job.phases.${progress.phase}`) : label

  return (
    <Flex vertical gap={4} role="status" aria-live="polite" data-testid="job-progress">
      <Typography.Text>{phase}</Typography.Text>
      <Flex align="center" gap={12}>
        <Progress percent={percent} status="active" aria-label={phase} style={{ flex: 1, margin: 0 }} />
        {onCancel && <Button onClick={onCancel}>{t('importExport.job.cancel')}</Button>}
      </Flex>
    </Flex>
  )
}
