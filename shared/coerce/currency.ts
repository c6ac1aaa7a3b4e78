import type { Currency } from '../enums'

/**
 * How each currency is written next to an amount. ¥ is read as CNY: the
 * workbench's users write yen as 日元 or JPY. Longer tokens are tried first,
 * so "HK$" is not read as "$" and "美元" is not read as "元".
 */
const currencyTokens: readonly (readonly [token: string, currency: Currency])[] = (
  [
    ['HK$', 'HKD'],
    ['US$', 'USD'],
    ['RMB', 'CNY'],
    ['CNY', 'CNY'],
    ['USD', 'USD'],
    ['EUR', 'EUR'],
    ['HKD', 'HKD'],
    ['GBP', 'GBP'],
    ['JPY', 'JPY'],
    ['人民币', 'CNY'],
    ['美元', 'USD'],
    ['美金', 'USD'],
    ['欧元', 'EUR'],
    ['港币', 'HKD'],
    ['港元', 'HKD'],
    ['英镑', 'GBP'],
    ['日元', 'JPY'],
    ['円', 'JPY'],
    ['元', 'CNY'],
    ['¥', 'CNY'],
    ['$', 'USD'],
    ['€', 'EUR'],
    ['£', 'GBP'],
  ] as const
).toSorted((a, b) => b[0].length - a[0].length)

/** The currency token `text` starts with, if any (case-insensitive). */
export function currencyPrefix(text: string): { currency: Currency; rest: string } | null {
  const upper = text.toUpperCase()
  const hit = currencyTokens.find(([token]) => upper.startsWith(token))
  return hit ? { currency: hit[1], rest: text.slice(hit[0].length) } : null
}

/** The currency token `text` ends with, if any (case-insensitive). */
export function currencySuffix(text: string): { currency: Currency; rest: string } | null {
  const upper = text.toUpperCase()
  const hit = currencyTokens.find(([token]) => upper.endsWith(token))
  return hit ? { currency: hit[1], rest: text.slice(0, text.length - hit[0].length) } : null
}

/** The currencies as options, so a 币种 column matches "人民币", "USD" or "美元" alike. */
export const currencyOptions: readonly { value: Currency; labelZh: string; labelEn: string }[] = [
  { value: 'CNY', labelZh: '人民币', labelEn: 'Chinese yuan' },
  { value: 'USD', labelZh: '美元', labelEn: 'US dollar' },
  { value: 'EUR', labelZh: '欧元', labelEn: 'Euro' },
  { value: 'HKD', labelZh: '港币', labelEn: 'Hong Kong dollar' },
  { value: 'JPY', labelZh: '日元', labelEn: 'Japanese yen' },
  { value: 'GBP', labelZh: '英镑', labelEn: 'British pound' },
]
