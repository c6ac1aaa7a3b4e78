import { describe, expect, it } from 'vitest'
import type { BackupKind } from '../../shared/methods/backups'
import { backupsToPrune, isDailyBackupDue } from '../../electron/core/services/backups'

/** A backup on a local date and hour; months are 1-based here for readability. */
function backup(kind: BackupKind, month: number, day: number, hours = 9) {
  const createdAt = new Date(2026, month - 1, day, hours).toISOString()
  return { kind, createdAt, path: `${kind}-${month}-${day}-${hours}`, fileName: '', sizeBytes: 0 }
}

const names = (list: { path: string }[]) => list.map((b) => b.path).sort()

describe('backupsToPrune', () => {
  it('keeps everything while there are fewer than the policy allows', () => {
    const list = [backup('daily', 3, 2), backup('daily', 3, 3), backup('quit', 3, 4)]
    expect(backupsToPrune(list)).toEqual([])
  })

  it('keeps only the newest automatic backup of a day once that day is past', () => {
    const list = [backup('daily', 3, 2, 9), backup('quit', 3, 2, 18), backup('quit', 3, 2, 12)]
    expect(names(backupsToPrune(list))).toEqual(['daily-3-2-9', 'quit-3-2-12'])
  })

  it('never prunes manual backups or the safety copies taken before a migration or a restore', () => {
    const list = [
      ...Array.from({ length: 40 }, (_, i) => backup('daily', 1, 1 + i)),
      backup('manual', 1, 1),
      backup('pre-migration', 1, 2),
      backup('pre-restore', 1, 3),
    ]
    const pruned = backupsToPrune(list)
    expect(pruned.every((b) => b.kind === 'daily')).toBe(true)
    expect(pruned).toHaveLength(40 - 7 - 2)
  })

  it('counts days that have a backup, so a month away does not delete the last ones', () => {
    const list = [backup('daily', 1, 5), backup('daily', 2, 20), backup('daily', 4, 1), backup('daily', 6, 30)]
    expect(backupsToPrune(list)).toEqual([])
  })

  it('keeps the newest of each of the last four weeks beyond the last seven days, weeks starting on Monday', () => {
    // Daily backups from Monday 2 March to Sunday 5 April 2026: five full weeks.
    const list = Array.from({ length: 35 }, (_, i) => backup('daily', 3, 2 + i))
    const kept = list.filter((b) => !backupsToPrune(list).includes(b))
    const localDates = kept.map((b) => new Date(b.createdAt).toDateString())
    expect(localDates).toEqual([
      // Sundays closing the weeks of 9, 16 and 23 March (the week of 30 March is inside the seven days).
      new Date(2026, 2, 15).toDateString(),
      new Date(2026, 2, 22).toDateString(),
      new Date(2026, 2, 29).toDateString(),
      ...Array.from({ length: 7 }, (_, i) => new Date(2026, 2, 30 + i).toDateString()),
    ])
  })

  it('follows a stricter policy', () => {
    const list = Array.from({ length: 10 }, (_, i) => backup('quit', 5, 1 + i))
    expect(backupsToPrune(list, { daily: 2, weekly: 0 })).toHaveLength(8)
    expect(backupsToPrune(list, { daily: 0, weekly: 0 })).toHaveLength(10)
  })
})

describe('isDailyBackupDue', () => {
  it('is due on a local day with no automatic backup yet; a manual one does not count', () => {
    const now = new Date(2026, 4, 10, 8, 0)
    expect(isDailyBackupDue([], now)).toBe(true)
    expect(isDailyBackupDue([backup('manual', 5, 10)], now)).toBe(true)
    expect(isDailyBackupDue([backup('daily', 5, 9, 23)], now)).toBe(true)
    expect(isDailyBackupDue([backup('quit', 5, 10, 1)], now)).toBe(false)
    expect(isDailyBackupDue([backup('daily', 5, 10, 7)], now)).toBe(false)
  })
})
