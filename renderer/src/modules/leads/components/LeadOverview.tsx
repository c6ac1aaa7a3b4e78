import { Descriptions, Divider, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Bant, LeadDetail, LeadRating } from '../../../../../shared/methods/loop'
import { useFormatters } from '../../format/hooks/useFormatters'
import { useLabels } from '../../reference/hooks/useLabels'
import { RatingCard } from './RatingCard'

interface Props {
  detail: LeadDetail
  rating: LeadRating | undefined
}

export function LeadOverview({ detail, rating }: Props) {
  const { t } = useTranslation()
  const labels = useLabels()
  const format = useFormatters()
  const { lead } = detail
  const dash = t('common.empty')
  const bant: Bant = detail.bant

  return (
    <>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('leads.fields.company')} span={2}>
          {lead.company}
        </Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.contactName')}>{lead.contactName ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.status')}>
          <Tag>{labels.enumLabel('leadStatus', lead.status)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.phone')}>{lead.phone ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.email')}>{lead.email ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.source')}>{labels.picklistLabel('source', lead.source) ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.region')}>{labels.picklistLabel('region', lead.region) ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.industry')}>{labels.picklistLabel('industry', lead.industry) ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.productInterest')}>
          {labels.picklistLabel('product_line', lead.productInterest) ?? dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.ownerId')}>
          {lead.ownerId === null ? <Tag color="gold">{t('leads.pool.inPool')}</Tag> : (labels.userName(lead.ownerId) ?? lead.ownerName)}
        </Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.claimedAt')}>{format.dateTime(lead.claimedAt) ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.lastActivityAt')}>{format.dateTime(lead.lastActivityAt) ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.nextFollowUpDate')}>{format.date(lead.nextFollowUpDate) ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.createdAt')}>{format.dateTime(lead.createdAt) ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.updatedAt')}>{format.dateTime(lead.updatedAt) ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.notes')} span={2}>
          {lead.notes ?? dash}
        </Descriptions.Item>
      </Descriptions>
      <Divider />
      <RatingCard lead={lead} bant={bant} rating={rating} />
    </>
  )
}
