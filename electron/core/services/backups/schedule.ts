import type { BackupInfo } from '../../../../shared/methods/backups'
import { AUTOMATIC_KINDS, dayKey } from './retention'

/** How often the app asks whether the daily backup is due; the answer depends only on the clock and the folder. */
export const DAILY_CHECK_EVERY_MS = 60 * 60 * 1000

/** Due when no automatic backup was taken yet on the local day of `now`. */
export function isDailyBackupDue(backups: readonly BackupInfo[], now: Date): boolean {
  const today = dayKey(now)
  return !backups.some((backup) => AUTOMATIC_KINDS.includes(backup.kind) && dayKey(new Date(backup.createdAt)) === today)
}
