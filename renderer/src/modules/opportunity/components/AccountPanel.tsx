import { Descriptions, Empty, List, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { OpportunityDetail } from '../../../../../shared/api'
import { GridColumns } from '../../../../../shared/columns'
import { useLabels } from '../../reference/hooks/useLabels'
import { RecordLink } from '../../records/components/RecordLink'
import { AccountStanding } from './AccountStanding'

/** Column labels from the contract, so the panel and the accounts grid say the same thing. */
function useAccountLabel() {
  const labels = useLabels()
  return (key: string) => {
    const column = GridColumns.account.find((c) => c.key === key)
    return column ? labels.bilingual(column.labelZh, column.labelEn) : key
  }
}

export function AccountPanel({ detail }: { detail: OpportunityDetail }) {
  const { t } = useTranslation()
  const labels = useLabels()
  const label = useAccountLabel()
  const { account, contacts } = detail

  return (
    <>
      {account ? (
        <Descriptions
          size="small"
          column={2}
          bordered
          title={<RecordLink entityType="account" entityId={account.id} name={account.name} />}
          items={[
            { key: 'industry', label: label('industry'), children: labels.picklistLabel('industry', account.industry) },
            { key: 'region', label: label('region'), children: labels.picklistLabel('region', account.region) },
            { key: 'lifecycle', label: label('lifecycle'), children: labels.enumLabel('accountLifecycle', account.lifecycle) },
            { key: 'ownerId', label: label('ownerId'), children: labels.userName(account.ownerId) ?? account.ownerName },
            { key: 'phone', label: label('phone'), children: account.phone },
            { key: 'email', label: label('email'), children: account.email },
          ].map((item) => ({ ...item, children: item.children || t('common.empty') }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noAccount')} />
      )}
      {account && <AccountStanding account={account} />}
      <Typography.Title level={5} className="wb-section-title">
        {t('detail.contacts')}
      </Typography.Title>
      <List
        dataSource={contacts}
        rowKey="id"
        locale={{ emptyText: t('detail.noContacts') }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  <RecordLink entityType="contact" entityId={c.id} name={c.name} />
                  {c.title && ` · ${c.title}`}
                </>
              }
              description={[c.phone, c.email, c.wechat && `WeChat ${c.wechat}`].filter(Boolean).join(' · ')}
            />
          </List.Item>
        )}
      />
    </>
  )
}
