import fs from 'node:fs'
import path from 'node:path'
import type { AutomaticBackupReason, BackupInfo, BackupKind } from '../../../../shared/methods/backups'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { writeBackupFile } from '../../store/backupFiles'
import { backupFileName, backupsFolder, parseBackupFileName } from './names'
import { backupsToPrune } from './retention'
import { isDailyBackupDue } from './schedule'

/** The workspace's backups in its backups folder, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const folder = backupsFolder(dbPath)
  const entries = fs.existsSync(folder) ? fs.readdirSync(folder, { withFileTypes: true }) : []
  return entries
    .filter((entry) => entry.isFile())
    .flatMap((entry) => {
      const parsed = parseBackupFileName(dbPath, entry.name)
      if (!parsed) return []
      const file = path.join(folder, entry.name)
      return [describe(file, parsed.kind, parsed.createdAt)]
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName))
}

/**
 * Backs the open workspace up while it stays in use: into the backups folder
 * by default, or to `target` (a path the caller already checked with the
 * path guard).
 */
export async function createBackup(core: Core, kind: BackupKind, target?: string): Promise<BackupInfo> {
  const createdAt = core.clock()
  const file = target ?? freeBackupPath(core.dbPath, kind, createdAt)
  if (isWorkspaceFile(core.dbPath, file)) throw new AppError('BACKUP_SAME_FILE', { path: file })
  await writeBackupFile(core.db, file)
  return describe(file, kind, createdAt)
}

/**
 * The daily backup (when none was taken today) or the one on quit, then
 * pruning of old automatic backups. The clock is the core's, so tests can
 * walk through weeks of days.
 */
export async function runAutomaticBackup(
  core: Core,
  reason: AutomaticBackupReason,
): Promise<{ created: BackupInfo | null; removed: string[] }> {
  const due = reason === 'quit' || isDailyBackupDue(listBackups(core.dbPath), core.clock())
  const created = due ? await createBackup(core, reason) : null
  const removed = backupsToPrune(listBackups(core.dbPath)).map((backup) => backup.path)
  for (const file of removed) fs.rmSync(file, { force: true })
  return { created, removed }
}

/** The workspace file or one of SQLite's companions to it: a backup must never land there. */
export function isWorkspaceFile(dbPath: string, file: string): boolean {
  const resolved = path.resolve(file)
  const workspace = path.resolve(dbPath)
  return [workspace, `${workspace}-wal`, `${workspace}-shm`, `${workspace}-journal`].includes(resolved)
}

function freeBackupPath(dbPath: string, kind: BackupKind, createdAt: Date): string {
  const folder = backupsFolder(dbPath)
  for (let sequence = 1; ; sequence += 1) {
    const candidate = path.join(folder, backupFileName(dbPath, kind, createdAt, sequence))
    if (!fs.existsSync(candidate)) return candidate
  }
}

function describe(file: string, kind: BackupKind, createdAt: Date): BackupInfo {
  return {
    path: file,
    fileName: path.basename(file),
    kind,
    createdAt: createdAt.toISOString(),
    sizeBytes: fs.statSync(file).size,
  }
}
