import dayjs from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Currency } from '../../../../../shared/enums'
import { usePreferences } from '../../preferences/hooks/usePreferences'

// Short symbols as sales teams write them; HK$ keeps Hong Kong amounts apart from US ones.
const currencySymbols: Record<Currency, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$', JPY: 'JP¥', GBP: '£' }

export interface Formatters {
  money(amount: number | null | undefined, currency?: string | null): string | undefined
  percent(value: number | null | undefined): string | undefined
  number(value: number | null | undefined): string | undefined
  date(value: string | null | undefined): string | undefined
  dateTime(value: string | null | undefined): string | undefined
}

export function useFormatters(): Formatters {
  const { locale } = usePreferences()
  const { t } = useTranslation()

  return useMemo(() => {
    const grouped = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
    const dateFormat = t('format.date')
    const dateTimeFormat = t('format.dateTime')
    return {
      money(amount, currency) {
        if (amount == null) return undefined
        const symbol = currencySymbols[(currency ?? 'CNY') as Currency] ?? `${currency} `
        return `${amount < 0 ? '-' : ''}${symbol}${grouped.format(Math.abs(amount))}`
      },
      percent: (value) => (value == null ? undefined : `${value}%`),
      number: (value) => (value == null ? undefined : grouped.format(value)),
      date: (value) => (value ? dayjs(value).format(dateFormat) : undefined),
      dateTime: (value) => (value ? dayjs(value).format(dateTimeFormat) : undefined),
    }
  }, [locale, t])
}
