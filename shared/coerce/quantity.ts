import type { Currency } from '../enums'
import { currencyPrefix, currencySuffix } from './currency'
import { foldWidth } from './text'

/** A number as people write it in a sheet, with what was written around it. */
export interface Quantity {
  readonly value: number
  /** The currency its symbol or word named, if any. */
  readonly currency: Currency | null
  /** Written with a % sign: `value` is the number before the sign. */
  readonly percent: boolean
  /** Written with its own magnitude (万, 亿, k, M): a column's unit must not apply again. */
  readonly hasMagnitude: boolean
}

/** Magnitude words and letters; longer ones first so 万亿 is not read as 亿. */
const magnitudes: readonly (readonly [suffix: string, factor: number])[] = [
  ['万亿', 1e12],
  ['千万', 1e7],
  ['百万', 1e6],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['bn', 1e9],
  ['mn', 1e6],
  ['b', 1e9],
  ['m', 1e6],
  ['k', 1e3],
  ['w', 1e4],
]

/** Digits with optional thousands separators in groups of three, decimals and an exponent. */
const plainNumber = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?$|^\.\d+$/i

/**
 * Multiplies without the binary noise people would see (1.1 × 10000 is
 * 11000.000000000002 in floating point): 15 significant digits is what a
 * double holds faithfully and more than any amount needs.
 */
export function scale(value: number, factor: number): number {
  return factor === 1 ? value : Number((value * factor).toPrecision(15))
}

/**
 * Reads `¥1,200,000`, `12万元`, `(1,000)`, `-$3,000.50`, `35%`, `1.5M`,
 * `１２３` and the like. Returns null for anything else, including
 * separators that are not thousands groups ("1,5"), because guessing a
 * European decimal comma would silently change an amount a thousandfold.
 */
export function parseQuantity(text: string): Quantity | null {
  let s = foldWidth(text).replace(/[\s\u00a0]+/g, '').replace(/\u2212/g, '-')
  let negative = false
  const parenthesised = /^\((.+)\)$/.exec(s)
  if (parenthesised) {
    s = parenthesised[1]!
    negative = true
  }
  const takeSign = () => {
    if (s.startsWith('-') || s.startsWith('+')) {
      if (s.startsWith('-')) negative = !negative
      s = s.slice(1)
    }
  }
  takeSign()
  let currency: Currency | null = null
  const prefix = currencyPrefix(s)
  if (prefix) {
    currency = prefix.currency
    s = prefix.rest
    takeSign()
  }
  const percent = s.endsWith('%')
  if (percent) s = s.slice(0, -1)
  const suffix = currencySuffix(s)
  if (suffix) {
    if (currency && currency !== suffix.currency) return null
    currency = suffix.currency
    s = suffix.rest
  }
  const magnitude = magnitudes.find(([word]) => s.toLowerCase().endsWith(word) && s.length > word.length)
  if (magnitude) s = s.slice(0, -magnitude[0].length)
  if (!plainNumber.test(s)) return null
  const unsigned = scale(Number(s.replace(/,/g, '')), magnitude?.[1] ?? 1)
  if (!Number.isFinite(unsigned)) return null
  return {
    value: negative ? -unsigned : unsigned,
    currency,
    percent,
    hasMagnitude: magnitude !== undefined,
  }
}

/** The magnitude a header's unit names, e.g. 预计金额（万元） → 10000; null when it names none. */
export function unitMagnitude(unit: string): number | null {
  const s = foldWidth(unit).replace(/\s+/g, '').toLowerCase()
  const stripped = currencySuffix(s)?.rest ?? s
  const named = magnitudes.find(([word]) => stripped === word)
  if (named) return named[1]
  const spelled: Record<string, number> = { thousand: 1e3, thousands: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9 }
  return spelled[stripped.replace(/^in/, '')] ?? null
}
