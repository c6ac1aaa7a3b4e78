import { holdsCellError, isBlank, type RawValue } from './cell'
import { parseQuantity, type Quantity } from './quantity'
import { fail, ok, type Coerced } from './result'
import type { CoerceReason } from './reasons'

/**
 * The shared first step of the numeric coercers: blanks become null, errors
 * and non-numeric kinds are refused, text goes through the one grammar.
 */
export function readQuantity(raw: RawValue, unrecognised: CoerceReason): Coerced<Quantity | null> {
  if (holdsCellError(raw)) return fail('CELL_ERROR')
  if (isBlank(raw)) return ok(null)
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? ok({ value: raw, currency: null, percent: false, hasMagnitude: false }) : fail(unrecognised)
  }
  if (typeof raw !== 'string') return fail('WRONG_KIND')
  const quantity = parseQuantity(raw)
  return quantity ? ok(quantity) : fail(unrecognised)
}

/** Any number; "35%" is 0.35, as Excel reads it. */
export function coerceNumber(raw: RawValue): Coerced<number | null> {
  const read = readQuantity(raw, 'NUMBER_UNRECOGNISED')
  if (!read.ok) return read
  if (read.value === null) return ok(null)
  const { value, percent } = read.value
  return ok(percent ? value / 100 : value)
}

export function coerceInteger(raw: RawValue): Coerced<number | null> {
  const number = coerceNumber(raw)
  if (!number.ok || number.value === null) return number
  return Number.isSafeInteger(number.value) ? number : fail('NUMBER_NOT_INTEGER')
}
