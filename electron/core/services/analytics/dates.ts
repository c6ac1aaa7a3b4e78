/** Calendar arithmetic on 'YYYY-MM-DD' strings, in UTC like the rest of the workspace. */

const DAY_MS = 86_400_000

export const isoDate = (d: Date): string => d.toISOString().slice(0, 10)

const parse = (date: string): Date => new Date(`${date}T00:00:00.000Z`)

export function addDays(date: string, days: number): string {
  return isoDate(new Date(parse(date).getTime() + days * DAY_MS))
}

/** 'YYYY-MM' → its first day. */
export const monthStart = (month: string): string => `${month}-01`

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** The last day of a month. */
export const monthEnd = (month: string): string => addDays(monthStart(nextMonth(month)), -1)

/** Every month from `first` to `last`, both included, at most `limit` of them. */
export function monthsFrom(first: string, last: string, limit = 120): string[] {
  const months: string[] = []
  for (let m = first; m <= last && months.length < limit; m = nextMonth(m)) months.push(m)
  return months
}

/** The Monday of the ISO week that holds `date`. */
function mondayOf(date: string): string {
  const day = (parse(date).getUTCDay() + 6) % 7
  return addDays(date, -day)
}

/** ISO-8601 week ('2026-W47'): weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(date: string): string {
  const thursday = addDays(mondayOf(date), 3)
  const year = Number(thursday.slice(0, 4))
  const firstMonday = mondayOf(`${year}-01-04`)
  const week = Math.round((parse(mondayOf(date)).getTime() - parse(firstMonday).getTime()) / (7 * DAY_MS)) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** The Monday a week starts on. */
export function weekStart(week: string): string {
  const [year, n] = [week.slice(0, 4), Number(week.slice(6))]
  return addDays(mondayOf(`${year}-01-04`), (n - 1) * 7)
}

/** The week before. */
export const previousWeek = (week: string): string => isoWeekOf(addDays(weekStart(week), -7))
