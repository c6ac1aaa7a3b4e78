import { Button, Flex, List, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DuplicateMatch } from '../../../../../shared/methods/loop'

export interface RecordRef {
  entityType: 'lead' | 'contact' | 'account' | 'opportunity'
  id: number
  title?: string
}

interface Props {
  matches: readonly DuplicateMatch[]
  onOpen(record: RecordRef): void
  /** Offered on lead matches: keep the existing lead and fold this one into it. */
  onMerge?(match: DuplicateMatch): void
}

/** Existing leads, contacts and accounts that look like the one being entered, and what matched. */
export function DuplicateList({ matches, onOpen, onMerge }: Props) {
  const { t } = useTranslation()
  return (
    <List
      size="small"
      aria-label={t('leads.duplicates.list')}
      dataSource={[...matches]}
      rowKey={(m) => `${m.entityType}:${m.id}`}
      renderItem={(match) => (
        <List.Item
          actions={[
            <Button key="open" size="small" onClick={() => onOpen({ entityType: match.entityType, id: match.id, title: match.title })}>
              {t('leads.duplicates.open')}
            </Button>,
            ...(onMerge && match.entityType === 'lead'
              ? [
                  <Button key="merge" size="small" onClick={() => onMerge(match)}>
                    {t('leads.duplicates.merge')}
                  </Button>,
                ]
              : []),
          ]}
        >
          <Flex vertical gap={2}>
            <Flex gap={6} align="center" wrap>
              <Tag color={match.exact ? 'orange' : 'default'}>{t(`history.subjects.${match.entityType}`)}</Tag>
              <Typography.Text strong>{match.title}</Typography.Text>
              {match.subtitle && <Typography.Text type="secondary">{match.subtitle}</Typography.Text>}
            </Flex>
            <Typography.Text type="secondary">
              {t('leads.duplicates.matchedOn', {
                fields: match.matchedOn.map((f) => t(`leads.duplicates.on.${f}`)).join(t('leads.listSeparator')),
              })}
              {!match.exact && ` · ${t('leads.duplicates.similar')}`}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  )
}
