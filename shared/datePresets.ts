import type { DatePreset } from './query'

/** A half-open range [from, to) of calendar dates; either end may be open. */
export interface DateRange {
  from?: string
  to?: string
}

const iso = (d: Date) => d.toISOString().slice(0, 10)
const addDays = (d: Date, days: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days))
const monthStart = (d: Date, offset = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1))

/** Weeks start on Monday, as they do on Chinese and ISO calendars. */
function weekStart(d: Date): Date {
  return addDays(d, -((d.getUTCDay() + 6) % 7))
}

/** Resolves a relative preset against `today` (a calendar date, read in UTC). */
export function resolveDatePreset(preset: DatePreset, todayDate: Date): DateRange {
  const today = new Date(Date.UTC(todayDate.getUTCFullYear(), todayDate.getUTCMonth(), todayDate.getUTCDate()))
  const range = (from: Date | undefined, to: Date | undefined): DateRange => ({
    ...(from ? { from: iso(from) } : {}),
    ...(to ? { to: iso(to) } : {}),
  })
  switch (preset) {
    case 'today':
      return range(today, addDays(today, 1))
    case 'thisWeek':
      return range(weekStart(today), addDays(weekStart(today), 7))
    case 'lastWeek':
      return range(addDays(weekStart(today), -7), weekStart(today))
    case 'thisMonth':
      return range(monthStart(today), monthStart(today, 1))
    case 'lastMonth':
      return range(monthStart(today, -1), monthStart(today))
    case 'nextMonth':
      return range(monthStart(today, 1), monthStart(today, 2))
    case 'thisQuarter': {
      const back = today.getUTCMonth() % 3
      return range(monthStart(today, -back), monthStart(today, 3 - back))
    }
    case 'thisYear':
      return range(new Date(Date.UTC(today.getUTCFullYear(), 0, 1)), new Date(Date.UTC(today.getUTCFullYear() + 1, 0, 1)))
    case 'last7Days':
      return range(addDays(today, -6), addDays(today, 1))
    case 'last30Days':
      return range(addDays(today, -29), addDays(today, 1))
    case 'next7Days':
      return range(today, addDays(today, 7))
    case 'next30Days':
      return range(today, addDays(today, 30))
    case 'overdue':
      return range(undefined, today)
  }
}
