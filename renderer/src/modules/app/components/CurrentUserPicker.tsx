import { UserOutlined } from '@ant-design/icons'
import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'

export function CurrentUserPicker({ width = 180 }: { width?: number }) {
  const { t } = useTranslation()
  const { currentUserId, setCurrentUserId } = usePreferences()
  const { users } = useReferenceData()
  const labels = useLabels()

  return (
    <Select<number>
      aria-label={t('header.currentUser')}
      prefix={<UserOutlined />}
      placeholder={t('header.pickUser')}
      notFoundContent={t('header.noUsers')}
      style={{ width }}
      value={currentUserId ?? undefined}
      onChange={(userId) => void setCurrentUserId(userId ?? null)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={users
        .filter((user) => user.active || user.id === currentUserId)
        .map((user) => ({ value: user.id, label: labels.userName(user.id) ?? user.name }))}
    />
  )
}
