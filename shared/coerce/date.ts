import { holdsCellError, isBlank, type RawValue } from './cell'
import { parseDateText, type DateTextOptions } from './dateText'
import { wallClockOfSerial } from './excelSerial'
import { fail, ok, type Coerced } from './result'
import { formatIsoDate, isRealDate, midnight, toIsoInstant, wallClockOfDate, type WallClock } from './wallClock'

export interface DateOptions extends DateTextOptions {
  /** The workbook counts serial dates from 1904 (old Mac Excel). */
  readonly date1904?: boolean
  /** Minutes east of UTC that written date-times are in; defaults to this machine's zone. */
  readonly utcOffsetMinutes?: number
}

/** 20250301 typed as a number is a date, not serial day 20 million. */
function compactDate(n: number): WallClock | null {
  if (!Number.isInteger(n) || n < 10_000_101 || n > 99_991_231) return null
  const [year, month, day] = [Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100]
  return isRealDate(year, month, day) ? { year, month, day, ...midnight } : null
}

function readWallClock(raw: RawValue, options: DateOptions): Coerced<WallClock | null> {
  if (holdsCellError(raw)) return fail('CELL_ERROR')
  if (isBlank(raw)) return ok(null)
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? fail('DATE_UNRECOGNISED') : ok(wallClockOfDate(raw))
  if (typeof raw === 'number') {
    const compact = compactDate(raw)
    return compact ? ok(compact) : wallClockOfSerial(raw, options.date1904 ?? false)
  }
  if (typeof raw === 'string') return parseDateText(raw, options)
  return fail('WRONG_KIND')
}

/** A calendar date as 'YYYY-MM-DD'. A time of day, if written, is dropped; the date stays as written. */
export function coerceDate(raw: RawValue, options: DateOptions = {}): Coerced<string | null> {
  const clock = readWallClock(raw, options)
  if (!clock.ok) return clock
  return ok(clock.value && formatIsoDate(clock.value))
}

/** A moment as an ISO UTC string; a date without a time is that day's midnight. */
export function coerceDateTime(raw: RawValue, options: DateOptions = {}): Coerced<string | null> {
  const clock = readWallClock(raw, options)
  if (!clock.ok) return clock
  return ok(clock.value && toIsoInstant(clock.value, options.utcOffsetMinutes))
}
