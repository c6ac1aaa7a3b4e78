import fs from 'node:fs'
import path from 'node:path'
import { EntityType } from '../../../../shared/enums'
import type { ErrorCode } from '../../../../shared/errors'
import type { BackupCheck, BackupInfo } from '../../../../shared/methods/backups'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { copyDatabaseFile, inspectDatabaseFile, loadDatabaseInto } from '../../store/backupFiles'
import { openDatabase } from '../../store/database'
import { createBackup, isWorkspaceFile, listBackups } from './create'
import { backupsFolder, setAsidePath } from './names'

/** Validates a backup and says what it holds; refuses a damaged, truncated, foreign or newer file. */
export function checkBackup(file: string): BackupCheck {
  return inspectDatabaseFile(path.resolve(file))
}

/**
 * Restores a backup into the open workspace. In order: validate the backup;
 * bring a copy of it to the current schema; keep the current data as a
 * `pre-restore` backup; then load the copy into the workspace file in one
 * SQLite transaction. Any failure before the last step changes nothing, and
 * the last step is atomic. The core stays open throughout, so no surface
 * has to swap it, and other connections to the file see the restored data.
 */
export async function restoreBackup(core: Core, file: string): Promise<{ restored: BackupCheck; keptAs: BackupInfo }> {
  const source = path.resolve(file)
  if (isWorkspaceFile(core.dbPath, source)) throw new AppError('BACKUP_SAME_FILE', { path: file })
  const restored = checkBackup(source)
  const staging = makeStagingFolder(core.dbPath)
  try {
    const staged = path.join(staging, 'restore.db')
    await copyDatabaseFile(source, staged)
    // Opening migrates an older backup to this version's schema, in the staging copy only.
    ;(await openDatabase(staged, { backupDir: staging })).db.close()
    const keptAs = await createBackup(core, 'pre-restore')
    await loadDatabaseInto(staged, core.db)
    core.events.emit('data-changed', { entities: [...EntityType.options], reason: 'restore' })
    return { restored, keptAs }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

/**
 * Restores a backup over a workspace file that cannot be opened (damaged,
 * foreign, from a newer version) or is missing. That file is never written:
 * it is renamed aside, with its -wal and -shm, and the backup is copied in
 * its place. Returns where the old file now is.
 */
export async function restoreUnopenableWorkspace(
  dbPath: string,
  file: string,
  now: Date,
): Promise<{ restored: BackupCheck; keptAs: string | null }> {
  const target = path.resolve(dbPath)
  const source = path.resolve(file)
  if (isWorkspaceFile(target, source)) throw new AppError('BACKUP_SAME_FILE', { path: file })
  const restored = checkBackup(source)
  const staged = `${target}.restoring`
  await copyDatabaseFile(source, staged)
  try {
    const keptAs = setAside(target, now)
    fs.renameSync(staged, target)
    return { restored, keptAs }
  } catch (err) {
    fs.rmSync(staged, { force: true })
    throw err
  }
}

const RESTORABLE_FAILURES: readonly unknown[] = ['DB_CORRUPT', 'DB_NOT_WORKBENCH', 'DB_NEWER_VERSION'] satisfies ErrorCode[]

/** A workspace that failed to open this way can be replaced by a backup (the file itself is kept aside). */
export function isRestorableFailure(err: unknown): boolean {
  return RESTORABLE_FAILURES.includes((err as { code?: unknown } | null)?.code)
}

/** The newest backup of the workspace that passes validation, for offering when the workspace will not open. */
export function latestRestorableBackup(dbPath: string): BackupInfo | null {
  for (const backup of listBackups(dbPath)) {
    try {
      checkBackup(backup.path)
      return backup
    } catch {
      // A damaged backup is skipped; the next older one may be fine.
    }
  }
  return null
}

function setAside(dbPath: string, now: Date): string | null {
  if (!fs.existsSync(dbPath)) return null
  const aside = setAsidePath(dbPath, now)
  for (const companion of ['-wal', '-shm']) {
    if (fs.existsSync(dbPath + companion)) fs.renameSync(dbPath + companion, aside + companion)
  }
  fs.renameSync(dbPath, aside)
  return aside
}

function makeStagingFolder(dbPath: string): string {
  const folder = backupsFolder(dbPath)
  fs.mkdirSync(folder, { recursive: true })
  return fs.mkdtempSync(path.join(folder, '.restoring-'))
}
