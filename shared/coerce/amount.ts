import type { Currency } from '../enums'
import type { RawValue } from './cell'
import { readQuantity } from './number'
import { scale } from './quantity'
import { fail, ok, type Coerced } from './result'

export interface Amount {
  readonly amount: number
  /** Named by a symbol or word in the cell (¥, $, 美元, HKD …); null when none was written. */
  readonly currency: Currency | null
}

/** The contract's Money bound. */
const maxAmount = 1e15

/**
 * `¥1,200,000`, `12万`, `1.2亿`, `$3,000.50`, `(1,000)`, `1.5M` …
 * `unitMultiplier` is the column's unit (10000 under 预计金额（万元）); a cell
 * that names its own magnitude ("12万") keeps it instead of being scaled twice.
 */
export function coerceAmount(raw: RawValue, unitMultiplier = 1): Coerced<Amount | null> {
  const read = readQuantity(raw, 'AMOUNT_UNRECOGNISED')
  if (!read.ok) return read
  if (read.value === null) return ok(null)
  const { value, currency, percent, hasMagnitude } = read.value
  if (percent) return fail('AMOUNT_UNRECOGNISED')
  const amount = hasMagnitude ? value : scale(value, unitMultiplier)
  if (Math.abs(amount) > maxAmount) return fail('AMOUNT_OUT_OF_RANGE')
  return ok({ amount, currency })
}
