import type { RawValue } from './cell'
import { readQuantity } from './number'
import { fail, ok, type Coerced } from './result'

/**
 * A percentage on the 0–100 scale: `35%` and `35` are 35, and so is `0.35`,
 * because a number no greater than 1 in a percent column is a fraction — that
 * is how Excel stores a cell formatted as 35%.
 */
export function coercePercent(raw: RawValue): Coerced<number | null> {
  const read = readQuantity(raw, 'PERCENT_UNRECOGNISED')
  if (!read.ok) return read
  if (read.value === null) return ok(null)
  const { value, percent, currency } = read.value
  if (currency) return fail('PERCENT_UNRECOGNISED')
  const whole = !percent && value >= 0 && value <= 1 ? Number((value * 100).toPrecision(15)) : value
  return whole >= 0 && whole <= 100 ? ok(whole) : fail('PERCENT_OUT_OF_RANGE')
}
