import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { settingsTabs } from '../utils/settingsTabs'

export function SettingsPage() {
  const { t } = useTranslation()
  return (
    <section className="wb-page wb-page-scroll" aria-label={t('settings.title')}>
      <Tabs
        tabPlacement="start"
        items={settingsTabs.map((tab) => ({ key: tab.key, label: t(tab.labelKey), children: tab.render() }))}
        destroyOnHidden
      />
    </section>
  )
}
