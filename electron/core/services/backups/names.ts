import path from 'node:path'
import { BackupKind } from '../../../../shared/methods/backups'

/** Backups live in a `backups` folder beside the workspace file, named after it. */
export function backupsFolder(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups')
}

/** 2025-03-07T14:05:00.000Z → 2025-03-07T14-05-00-000Z: sortable, and legal in every file system. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/** `workspace.db.2025-03-07T14-05-00-000Z.daily.db`; a second backup in the same millisecond gets `-2`. */
export function backupFileName(dbPath: string, kind: BackupKind, createdAt: Date, sequence = 1): string {
  const suffix = sequence > 1 ? `-${sequence}` : ''
  return `${path.basename(dbPath)}.${fileStamp(createdAt)}${suffix}.${kind}.db`
}

/**
 * Reads the kind and time back from a backup's name. The pre-migration copies
 * that opening a file takes (store/database.ts) also carry the old schema
 * version: `workspace.db.v2.<stamp>.pre-migration.db`.
 */
const BACKUP_NAME = new RegExp(
  `^(?:v\\d+\\.)?(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z(?:-\\d+)?\\.(${BackupKind.options.join('|')})\\.db$`,
)

export function parseBackupFileName(dbPath: string, fileName: string): { kind: BackupKind; createdAt: Date } | null {
  const prefix = `${path.basename(dbPath)}.`
  if (!fileName.startsWith(prefix)) return null
  const match = BACKUP_NAME.exec(fileName.slice(prefix.length))
  if (!match) return null
  const [, day, hours, minutes, seconds, millis, kind] = match
  const createdAt = new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`)
  return Number.isNaN(createdAt.getTime()) ? null : { kind: BackupKind.parse(kind), createdAt }
}

/** Where a workspace file that could not be opened is kept when a backup replaces it: beside it, renamed. */
export function setAsidePath(dbPath: string, at: Date): string {
  const resolved = path.resolve(dbPath)
  const ext = path.extname(resolved)
  return path.join(path.dirname(resolved), `${path.basename(resolved, ext)}.set-aside-${fileStamp(at)}${ext || '.db'}`)
}
