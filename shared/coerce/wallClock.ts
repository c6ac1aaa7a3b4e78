/** A calendar date and time of day as written, before any time zone is applied. */
export interface WallClock {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly millisecond: number
  /** Minutes east of UTC when the text named a zone ("Z", "+08:00"); null when it did not. */
  readonly offsetMinutes: number | null
}

export const midnight = { hour: 0, minute: 0, second: 0, millisecond: 0, offsetMinutes: null } as const

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

export function formatIsoDate({ year, month, day }: WallClock): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/** '2025-03-01', or '2025-03-01 14:30:00' when the time of day is not midnight. */
export function formatWallClock(clock: WallClock): string {
  const { hour, minute, second } = clock
  const date = formatIsoDate(clock)
  return hour || minute || second ? `${date} ${pad(hour)}:${pad(minute)}:${pad(second)}` : date
}

/** The UTC fields of a Date are its wall-clock value (how SheetJS builds dates from cells). */
export function wallClockOfDate(date: Date): WallClock {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
    offsetMinutes: null,
  }
}

/**
 * The instant a wall-clock time denotes, in ISO UTC. A zone written in the
 * text wins; otherwise `utcOffsetMinutes`; otherwise the zone of the machine
 * running this, which is the person's own zone in the app.
 */
export function toIsoInstant(clock: WallClock, utcOffsetMinutes?: number): string {
  const { year, month, day, hour, minute, second, millisecond } = clock
  const offset = clock.offsetMinutes ?? utcOffsetMinutes
  const epoch =
    offset === undefined
      ? new Date(year, month - 1, day, hour, minute, second, millisecond).getTime()
      : Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset * 60_000
  return new Date(epoch).toISOString()
}
