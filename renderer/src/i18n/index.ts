import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Locale } from '../../../shared/enums'
import { en } from './en'
import { zhCN } from './zh-CN'

/** The OS/browser language decides until the person picks one in settings. */
export function systemLocale(language: string = navigator.language): Locale {
  return language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

const dayjsLocales: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' }

export function applyLocale(locale: Locale): void {
  void i18next.changeLanguage(locale)
  dayjs.locale(dayjsLocales[locale])
  document.documentElement.lang = locale
  document.title = i18next.getFixedT(locale)('app.title')
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: systemLocale(),
  fallbackLng: 'zh-CN',
  initAsync: false,
  interpolation: { escapeValue: false },
})

export { i18next }
