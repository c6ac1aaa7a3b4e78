import { Descriptions, Flex, List, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Lead } from '../../../../../shared/entities'
import type { Bant, LeadRating, ScoreRule } from '../../../../../shared/methods/loop'
import { useLabels } from '../../reference/hooks/useLabels'
import { explainRating } from '../utils/ratingReasons'

const gradeColors = { A: 'green', B: 'blue', C: 'default' } as const

interface Props {
  lead: Lead
  bant: Bant
  rating: LeadRating | undefined
}

/** The lead's grade and score, and the rules that gave them. */
export function RatingCard({ lead, bant, rating }: Props) {
  const { t } = useTranslation()
  const labels = useLabels()

  const ruleText = (rule: ScoreRule) => {
    switch (rule.kind) {
      case 'fieldEquals': {
        const listKey = rule.field === 'productInterest' ? 'product_line' : rule.field
        return t('leads.rating.fieldEquals', { field: t(`leads.fields.${rule.field}`), value: labels.picklistLabel(listKey, rule.value) ?? rule.value })
      }
      case 'filled':
        return t('leads.rating.filled', { field: t(`leads.fields.${rule.field}`) })
      case 'bant':
        return t('leads.rating.bant', { key: t(`leads.bant.${rule.key}`) })
      case 'recentActivity':
        return t('leads.rating.recentActivity', { days: rule.withinDays })
    }
  }

  const explanation = rating ? explainRating(rating, lead, bant, new Date()) : undefined
  const gradeReason = () => {
    if (!explanation) return null
    const rule = explanation.gradeRule
    if (!rule) return t('leads.rating.fallback')
    const parts = [
      rule.minBant > 0 && t('leads.rating.minBant', { count: rule.minBant }),
      rule.requiredBant.length > 0 && t('leads.rating.requiredBant', { keys: rule.requiredBant.map((k) => t(`leads.bant.${k}`)).join(t('leads.listSeparator')) }),
      rule.minScore > 0 && t('leads.rating.minScore', { score: rule.minScore }),
    ].filter(Boolean)
    return parts.length > 0 ? t('leads.rating.gradeRule', { rule: parts.join(t('leads.listSeparator')) }) : t('leads.rating.anyLead')
  }

  return (
    <section aria-label={t('leads.rating.title')}>
      <Descriptions size="small" column={2} title={t('leads.rating.title')}>
        <Descriptions.Item label={t('leads.fields.grade')}>
          <Flex gap={6} align="center" wrap>
            {lead.grade ? <Tag color={gradeColors[lead.grade]}>{lead.grade}</Tag> : t('common.empty')}
            <Typography.Text type="secondary">{gradeReason()}</Typography.Text>
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('leads.fields.score')}>
          {lead.score ?? t('common.empty')}
          {explanation && <Typography.Text type="secondary">{` · ${t('leads.rating.bantKnown', { count: explanation.bantKnown })}`}</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>
      {explanation && (
        <List
          size="small"
          aria-label={t('leads.rating.reasons')}
          locale={{ emptyText: t('leads.rating.noReasons') }}
          dataSource={explanation.reasons}
          renderItem={(reason) => (
            <List.Item extra={<Typography.Text strong>{reason.points > 0 ? `+${reason.points}` : reason.points}</Typography.Text>}>
              {ruleText(reason.rule)}
            </List.Item>
          )}
        />
      )}
    </section>
  )
}
