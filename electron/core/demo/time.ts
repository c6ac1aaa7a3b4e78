import type { Random } from './random'

/** Timeline arithmetic on epoch milliseconds; rows get ISO strings only at the end. */

export const DAY_MS = 86_400_000
const MINUTE_MS = 60_000

/**
 * Beijing office hours 09:00–18:00 are 01:00–10:00 UTC, so a moment placed
 * there has the same calendar date in UTC and in China.
 */
const OFFICE_OPENS_MS = 1 * 3_600_000
const OFFICE_MINUTES = 9 * 60

export function startOfDay(ms: number): number {
  return ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS)
}

export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS
}

/** A minute during office hours on the day of `ms`. */
export function officeMoment(rng: Random, ms: number): number {
  return startOfDay(ms) + OFFICE_OPENS_MS + rng.int(0, OFFICE_MINUTES) * MINUTE_MS
}

/** `count` office moments in [from, to], in order. */
export function momentsBetween(rng: Random, from: number, to: number, count: number): number[] {
  const moments: number[] = []
  for (let i = 0; i < count; i++) {
    moments.push(Math.min(to, Math.max(from, officeMoment(rng, rng.between(from, to)))))
  }
  return moments.sort((a, b) => a - b)
}

/** 'YYYY-MM-DD' by day start. Date#toISOString was the generator's top cost; days repeat endlessly. */
const datesByDay = new Map<number, string>()

export function isoDate(ms: number): string {
  const day = startOfDay(ms)
  let date = datesByDay.get(day)
  if (date === undefined) {
    date = new Date(day).toISOString().slice(0, 10)
    datesByDay.set(day, date)
  }
  return date
}

/** The same text as Date#toISOString, e.g. 2026-11-20T08:00:00.000Z. */
export function isoMoment(ms: number): string {
  const t = ms - startOfDay(ms)
  const clock = `${pad(Math.floor(t / 3_600_000))}:${pad(Math.floor(t / 60_000) % 60)}:${pad(Math.floor(t / 1000) % 60)}`
  return `${isoDate(ms)}T${clock}.${pad(t % 1000, 3)}Z`
}

/** Days between two moments, as a float. */
export function daysBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / DAY_MS
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}
