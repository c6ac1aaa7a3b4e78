import { Descriptions, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OpportunityDetail } from '../../../../../shared/api'
import { useFormatters } from '../../format/hooks/useFormatters'
import { StageTag } from '../../reference/components/StageTag'
import { useLabels } from '../../reference/hooks/useLabels'
import { StageHistoryTimeline } from './StageHistoryTimeline'

export function OpportunityOverview({ detail }: { detail: OpportunityDetail }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const labels = useLabels()
  const o = detail.opportunity
  const closed = o.stageKind !== 'open'

  const fields: [label: string, value: ReactNode, span?: number][] = [
    [t('opportunityForm.fields.accountId'), o.accountName],
    [t('opportunityForm.fields.stageId'), <StageTag stageId={o.stageId} fallback={o.stageName} />],
    [t('opportunityForm.fields.amount'), format.money(o.amount, o.currency)],
    [t('detail.weightedAmount'), format.money(o.weightedAmount, o.currency)],
    [t('opportunityForm.fields.probability'), format.percent(o.probability)],
    [t('opportunityForm.fields.expectedCloseDate'), format.date(o.expectedCloseDate)],
    [t('opportunityForm.fields.ownerId'), labels.userName(o.ownerId) ?? o.ownerName],
    [t('opportunityForm.fields.source'), labels.picklistLabel('source', o.source)],
    [t('opportunityForm.fields.productLine'), labels.picklistLabel('product_line', o.productLine)],
    [t('opportunityForm.fields.forecastCategory'), labels.enumLabel('forecastCategory', o.forecastCategory)],
    [t('opportunityForm.fields.nextFollowUpDate'), format.date(o.nextFollowUpDate)],
    [t('detail.lastActivity'), format.dateTime(o.lastActivityAt)],
    [t('opportunityForm.fields.nextStep'), o.nextStep, 2],
  ]
  if (closed) {
    fields.push(
      [t('opportunityForm.fields.signedDate'), format.date(o.signedDate)],
      [t('opportunityForm.fields.lossReason'), labels.picklistLabel('loss_reason', o.lossReason)],
      [t('opportunityForm.fields.competitor'), o.competitor],
      [t('opportunityForm.fields.lossNote'), o.lossNote],
    )
  }
  fields.push([t('detail.created'), format.dateTime(o.createdAt)], [t('detail.updated'), format.dateTime(o.updatedAt)])

  return (
    <>
      <Descriptions
        size="small"
        column={2}
        bordered
        items={fields.map(([label, value, span = 1], i) => ({ key: i, label, span, children: value ?? t('common.empty') }))}
      />
      <Typography.Title level={5} className="wb-section-title">
        {t('detail.stageHistory')}
      </Typography.Title>
      <StageHistoryTimeline entries={detail.stageHistory} />
    </>
  )
}
