import { Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { OpportunityDetail } from '../../../../../shared/api'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useLabels } from '../../reference/hooks/useLabels'

type Entry = OpportunityDetail['stageHistory'][number]

/** Each stage the opportunity entered, oldest first, with how long it stayed. */
export function StageHistoryTimeline({ entries }: { entries: Entry[] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const labels = useLabels()
  const ordered = [...entries].sort((a, b) => a.changedAt.localeCompare(b.changedAt))

  return (
    <Timeline
      data-testid="stage-history"
      items={ordered.map((entry, i) => {
        const current = i === ordered.length - 1
        const by = labels.userName(entry.changedBy) ?? entry.changedByName
        return {
          key: entry.id,
          color: current ? 'blue' : 'gray',
          title: format.dateTime(entry.changedAt),
          content: (
            <div className="wb-stage-entry">
              <Typography.Text strong>{labels.stageName(entry.toStageId) ?? entry.toStageName}</Typography.Text>
              {current && <Typography.Text type="success"> · {t('detail.currentStage')}</Typography.Text>}
              <div>
                <Typography.Text type="secondary">
                  {t('detail.daysInStage', { count: roundDays(entry.daysInStage) })}
                  {by ? ` · ${t('detail.enteredBy', { name: by })}` : ''}
                </Typography.Text>
              </div>
            </div>
          ),
        }
      })}
    />
  )
}

/** Tenths of a day matter for a fresh stage, not for a months-old one. */
function roundDays(days: number): number {
  return days < 10 ? Math.round(days * 10) / 10 : Math.round(days)
}
