import { fail, ok, type Coerced } from './result'
import { wallClockOfDate, type WallClock } from './wallClock'

const dayMs = 86_400_000
/** Serial 2958465 is 9999-12-31 in the 1900 system, the last day Excel knows. */
const lastSerial1900 = 2_958_465
/** The 1904 system (old Mac Excel) counts from 1904-01-01: 1462 days later. */
const offset1904 = 1462

/**
 * An Excel serial date as the wall clock it shows. In the 1900 system Excel
 * keeps Lotus 1-2-3's bug: serial 60 is 1900-02-29, a day that never was, and
 * every serial after it is one day ahead of a true count from 1899-12-31.
 */
export function wallClockOfSerial(serial: number, date1904: boolean): Coerced<WallClock> {
  const serial1900 = date1904 ? serial + offset1904 : serial
  const firstSerial1900 = date1904 ? offset1904 : 1
  if (!(serial1900 >= firstSerial1900 && serial1900 < lastSerial1900 + 1)) return fail('DATE_OUT_OF_RANGE')
  const day = Math.floor(serial1900)
  if (day === 60) return fail('DATE_NONEXISTENT')
  const trueDays = day < 60 ? day : day - 1
  const timeMs = Math.round((serial1900 - day) * dayMs)
  return ok(wallClockOfDate(new Date(Date.UTC(1899, 11, 31) + trueDays * dayMs + timeMs)))
}
