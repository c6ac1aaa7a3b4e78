import { fail, ok, type Coerced } from './result'
import { foldWidth } from './text'
import { isRealDate, midnight, type WallClock } from './wallClock'

export interface DateTextOptions {
  /** How to read 03/01/2025: 'mdy' (US, the default, what Excel writes in CSV) or 'dmy'. */
  readonly dateOrder?: 'mdy' | 'dmy'
  /**
   * Two-digit years below the pivot are 20xx, the rest 19xx. The default 30
   * is Excel's own window (1930–2029).
   */
  readonly twoDigitYearPivot?: number
}

interface CalendarDate {
  readonly year: number
  readonly month: number
  readonly day: number
  /** What follows the date: a time of day, or nothing. */
  readonly rest: string
}

const monthNumbers: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
}

function fullYear(digits: string, options: DateTextOptions): number {
  const year = Number(digits)
  if (digits.length !== 2) return year
  return year < (options.twoDigitYearPivot ?? 30) ? 2000 + year : 1900 + year
}

type DateReader = (text: string, options: DateTextOptions) => CalendarDate | null

/** 2025-03-01, 2025/3/1, 2025.3.1 and ISO date-times; the separator must repeat. */
const yearFirst: DateReader = (text) => {
  const m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/.exec(text)
  return m && { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]), rest: text.slice(m[0].length) }
}

/** 2025年3月1日, 2025 年 3 月 1 号. */
const chinese: DateReader = (text) => {
  const m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/.exec(text)
  return m && { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), rest: text.slice(m[0].length) }
}

/** 20250301, as many Chinese systems export dates. */
const compact: DateReader = (text) => {
  const m = /^(\d{4})(\d{2})(\d{2})(?=$|[T\s])/.exec(text)
  return m && { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), rest: text.slice(m[0].length) }
}

/**
 * 3/1/2025, 3/1/25, 01-03-2025, 1.3.2025. Dots are day-first wherever they
 * are used; slashes and dashes follow `dateOrder`.
 */
const yearLast: DateReader = (text, options) => {
  const m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/.exec(text)
  if (!m) return null
  const dayFirst = m[2] === '.' || options.dateOrder === 'dmy'
  const [first, second] = [Number(m[1]), Number(m[3])]
  return {
    year: fullYear(m[4]!, options),
    month: dayFirst ? second : first,
    day: dayFirst ? first : second,
    rest: text.slice(m[0].length),
  }
}

/** 1-Mar-25, 01-Mar-2025, 1 March 2025. */
const dayMonthName: DateReader = (text, options) => {
  const m = /^(\d{1,2})[-\s/.]?([a-z]{3,9})\.?[-\s/.,]*(\d{4}|\d{2})(?!\d)/i.exec(text)
  const month = m && monthNumbers[m[2]!.toLowerCase()]
  return m && month ? { year: fullYear(m[3]!, options), month, day: Number(m[1]), rest: text.slice(m[0].length) } : null
}

/** Mar 1, 2025, March 1st 2025, Mar-01-2025. */
const monthNameDay: DateReader = (text, options) => {
  const m = /^([a-z]{3,9})\.?[-\s/.]*(\d{1,2})(?:st|nd|rd|th)?,?[-\s/.,]*(\d{4}|\d{2})(?!\d)/i.exec(text)
  const month = m && monthNumbers[m[1]!.toLowerCase()]
  return m && month ? { year: fullYear(m[3]!, options), month, day: Number(m[2]), rest: text.slice(m[0].length) } : null
}

const dateReaders: readonly DateReader[] = [yearFirst, chinese, compact, yearLast, dayMonthName, monthNameDay]

/** Weekday names add nothing to a date that also names the day: "Sat, Mar 1, 2025", "2025年3月1日 星期六". */
function withoutWeekday(text: string): string {
  return text
    .replace(/^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+/i, '')
    .replace(/[(（]?(?:星期|礼拜|周)[一二三四五六日天][)）]?/g, ' ')
    .trim()
}

interface TimeOfDay {
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly millisecond: number
  readonly offsetMinutes: number | null
}

const meridiemPrefix: Record<string, 'am' | 'pm'> = { 上午: 'am', 凌晨: 'am', 早上: 'am', 中午: 'pm', 下午: 'pm', 晚上: 'pm' }

/** "Z", "+08:00", "-0500", "GMT+8" at the end of a time. */
function splitZone(text: string): { text: string; offsetMinutes: number | null } {
  const m = /\s*(?:(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?|z|utc|gmt)$/i.exec(text)
  if (!m || m.index === 0) return { text, offsetMinutes: null }
  const magnitude = Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)
  return { text: text.slice(0, m.index), offsetMinutes: m[1] === '-' ? -magnitude : magnitude }
}

/** 14:30, 2:30:15.250 PM, 下午 3:00, 10时30分, 10点. Null when the text is no time at all. */
function readTime(text: string): Coerced<TimeOfDay> | null {
  const zone = splitZone(text.trim())
  let s = zone.text.trim().toLowerCase()
  let meridiem: 'am' | 'pm' | null = null
  const prefix = Object.keys(meridiemPrefix).find((word) => s.startsWith(word))
  if (prefix) {
    meridiem = meridiemPrefix[prefix]!
    s = s.slice(prefix.length).trim()
  }
  const suffix = /\s*([ap])\.?m\.?$/.exec(s)
  if (suffix) {
    meridiem = suffix[1] === 'a' ? 'am' : 'pm'
    s = s.slice(0, suffix.index)
  }
  const m =
    /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/.exec(s) ?? /^(\d{1,2})[时点](?:(\d{1,2})分(?:(\d{1,2})秒)?)?$/.exec(s)
  if (!m) return null
  let hour = Number(m[1])
  const [minute, second] = [Number(m[2] ?? 0), Number(m[3] ?? 0)]
  const millisecond = Math.round(Number(`0.${m[4] ?? 0}`) * 1000)
  if (meridiem) {
    if (hour < 1 || hour > 12) return fail('TIME_INVALID')
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0)
  }
  if (hour > 23 || minute > 59 || second > 59) return fail('TIME_INVALID')
  return ok({ hour, minute, second, millisecond, offsetMinutes: zone.offsetMinutes })
}

/**
 * Reads a date, with an optional time of day, in any of the ways people and
 * programs write them. Never guesses from the machine's locale: the same
 * text reads the same everywhere.
 */
export function parseDateText(text: string, options: DateTextOptions = {}): Coerced<WallClock> {
  const s = withoutWeekday(foldWidth(text).replace(/\s+/g, ' ').trim())
  const date = dateReaders.reduce<CalendarDate | null>((found, read) => found ?? read(s, options), null)
  if (!date) return fail('DATE_UNRECOGNISED')
  const { year, month, day } = date
  if (year < 1000 || year > 9999) return fail('DATE_OUT_OF_RANGE')
  if (!isRealDate(year, month, day)) return fail('DATE_NONEXISTENT')
  const rest = date.rest.replace(/^\s*t?/i, '')
  if (rest.trim() === '') return ok({ year, month, day, ...midnight })
  const time = readTime(rest)
  if (!time) return fail(/\d\s*[:时点]/.test(rest) ? 'TIME_INVALID' : 'DATE_UNRECOGNISED')
  if (!time.ok) return time
  return ok({ year, month, day, ...time.value })
}

/**
 * The order a column's slash dates must be read in, when its values settle
 * it: 25/03/2025 can only be day-first, 03/25/2025 only month-first. Null
 * when every value reads both ways (then the caller's default applies).
 */
export function detectDateOrder(texts: Iterable<string>): 'mdy' | 'dmy' | null {
  for (const text of texts) {
    const m = /^\s*(\d{1,2})[-/](\d{1,2})[-/]\d{2,4}(?!\d)/.exec(foldWidth(text))
    if (!m) continue
    const [first, second] = [Number(m[1]), Number(m[2])]
    if (first > 12 && second <= 12) return 'dmy'
    if (second > 12 && first <= 12) return 'mdy'
  }
  return null
}
