import type { BackupKind } from '../../../../shared/methods/backups'

export interface RetentionPolicy {
  /** Keep the newest automatic backup of each of this many most recent days that have one. */
  daily: number
  /** Keep the newest automatic backup of each of this many most recent weeks (Monday to Sunday) that have one. */
  weekly: number
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4 }

/** Only backups the app took by itself are pruned; manual and safety copies stay until the user removes them. */
export const AUTOMATIC_KINDS: readonly BackupKind[] = ['daily', 'quit']

interface Dated {
  kind: BackupKind
  createdAt: string
}

/**
 * The automatic backups a policy no longer keeps. Periods are counted among
 * the days and weeks that have a backup, not back from today, so a laptop
 * left closed for a month still wakes up with its last backups intact.
 * Days and weeks are the user's local ones.
 */
export function backupsToPrune<T extends Dated>(backups: readonly T[], policy: RetentionPolicy = DEFAULT_RETENTION): T[] {
  const automatic = backups
    .filter((backup) => AUTOMATIC_KINDS.includes(backup.kind))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  const keep = new Set([
    ...newestPerPeriod(automatic, dayKey, policy.daily),
    ...newestPerPeriod(automatic, weekKey, policy.weekly),
  ])
  return automatic.filter((backup) => !keep.has(backup))
}

/** The first (newest) backup of each of the first `count` distinct periods. Expects newest first. */
function newestPerPeriod<T extends Dated>(newestFirst: readonly T[], periodOf: (date: Date) => string, count: number): T[] {
  const kept = new Map<string, T>()
  for (const backup of newestFirst) {
    const period = periodOf(new Date(backup.createdAt))
    if (kept.has(period)) continue
    if (kept.size === count) break
    kept.set(period, backup)
  }
  return [...kept.values()]
}

export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`
}

/** The local date of the Monday that starts the date's week. */
function weekKey(date: Date): string {
  const monday = new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7))
  return dayKey(monday)
}
