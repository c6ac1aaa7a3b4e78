import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../format/hooks/useFormatters'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import type { Format, FormatValue } from '../utils/chartModel'

export interface ValueFormats {
  format: FormatValue
  /** Short numbers for axes (1.2万, 3.4M). */
  axis(value: number, format: Format): string
}

/** Dashboard figures as people read them; amounts carry the base currency's symbol. */
export function useFormatValue(currency: string): ValueFormats {
  const { t } = useTranslation()
  const { locale } = usePreferences()
  const formatters = useFormatters()
  return useMemo(() => {
    const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 })
    const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
    const format: FormatValue = (value, kind) => {
      if (value == null) return t('common.empty')
      switch (kind) {
        case 'money':
          return formatters.money(Math.round(value), currency) ?? ''
        case 'percent':
          return `${oneDecimal.format(value * 100)}%`
        case 'days':
          return t('dashboard.kpi.days', { value: oneDecimal.format(value) })
        case 'count':
          return formatters.number(value) ?? ''
      }
    }
    const axis = (value: number, kind: Format) => (kind === 'percent' ? `${Math.round(value * 100)}%` : compact.format(value))
    return { format, axis }
  }, [locale, t, formatters, currency])
}
