import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../../../../shared/enums'
import { usePreferences } from '../../preferences/hooks/usePreferences'

// Each language names itself, so a person who cannot read the current one still finds theirs.
const options: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
]

export function LanguageSwitch() {
  const { t } = useTranslation()
  const { locale, setLocale } = usePreferences()
  return (
    <Segmented<Locale>
      aria-label={t('header.language')}
      options={options}
      value={locale}
      onChange={(next) => void setLocale(next)}
    />
  )
}
