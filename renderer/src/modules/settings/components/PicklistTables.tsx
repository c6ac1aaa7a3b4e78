import { Table, Tabs, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PicklistItem } from '../../../../../shared/entities'
import { PicklistKey } from '../../../../../shared/enums'
import { useLabels } from '../../reference/hooks/useLabels'

export function PicklistTables() {
  const { t } = useTranslation()
  const labels = useLabels()

  return (
    <Tabs
      items={PicklistKey.options.map((listKey) => ({
        key: listKey,
        label: t(`enum.picklistKey.${listKey}`),
        children: (
          <Table<PicklistItem>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={labels.picklistItems(listKey).toSorted((a, b) => a.sortOrder - b.sortOrder)}
            columns={[
              { key: 'order', title: t('settings.columns.order'), width: 70, render: (_, i) => i.sortOrder },
              {
                key: 'label',
                title: t('settings.columns.label'),
                render: (_, i) => <Tag color={i.color ?? undefined}>{labels.bilingual(i.labelZh, i.labelEn)}</Tag>,
              },
              { key: 'value', title: t('settings.columns.value'), render: (_, i) => <code>{i.value}</code> },
              {
                key: 'active',
                title: t('settings.columns.active'),
                width: 80,
                render: (_, i) => (i.active ? t('common.yes') : t('common.no')),
              },
            ]}
          />
        ),
      }))}
    />
  )
}
