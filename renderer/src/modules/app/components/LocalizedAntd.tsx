import { App as AntdApp, ConfigProvider } from 'antd'
import en_US from 'antd/locale/en_US'
import zh_CN from 'antd/locale/zh_CN'
import type { ReactNode } from 'react'
import type { Locale } from '../../../../../shared/enums'
import { usePreferences } from '../../preferences/hooks/usePreferences'

const antdLocales = { 'zh-CN': zh_CN, en: en_US } satisfies Record<Locale, unknown>

const theme = {
  token: {
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
    borderRadius: 6,
  },
}

/** antd's own texts (pickers, empty states, pagination) follow the app's language. */
export function LocalizedAntd({ children }: { children: ReactNode }) {
  const { locale } = usePreferences()
  return (
    // No space between two-character Chinese button labels ("应 用"): it reads oddly and splits accessible names.
    <ConfigProvider locale={antdLocales[locale]} theme={theme} button={{ autoInsertSpace: false }}>
      <AntdApp className="wb-antd-app">{children}</AntdApp>
    </ConfigProvider>
  )
}
