import { Card, Form, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../../../../shared/enums'
import { CurrentUserPicker } from '../../app/components/CurrentUserPicker'
import { usePreferences } from '../../preferences/hooks/usePreferences'

const FOLLOW_SYSTEM = 'system'

/** The person's own choices: language and who they are on this machine. */
export function PreferencesCard() {
  const { t } = useTranslation()
  const { savedLocale, setLocale } = usePreferences()
  return (
    <Card title={t('settings.preferences')}>
      <Form layout="horizontal" labelCol={{ flex: '140px' }}>
        <Form.Item label={t('settings.language')}>
          <Select<Locale | typeof FOLLOW_SYSTEM>
            aria-label={t('settings.language')}
            style={{ width: 220 }}
            value={savedLocale ?? FOLLOW_SYSTEM}
            onChange={(value) => void setLocale(value === FOLLOW_SYSTEM ? null : value)}
            options={[
              { value: FOLLOW_SYSTEM, label: t('settings.followSystem') },
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('settings.currentUser')}>
          <CurrentUserPicker width={220} />
        </Form.Item>
      </Form>
    </Card>
  )
}
