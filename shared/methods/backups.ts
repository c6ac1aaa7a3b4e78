import { z } from 'zod'
import { IsoDateTime } from '../primitives'
import { WorkspaceStats } from '../stats'
import { Empty, method } from './define'

/**
 * Why a backup exists. `daily` and `quit` are automatic and pruned by the
 * retention policy; the others are kept until the user deletes them.
 */
export const BackupKind = z.enum(['manual', 'daily', 'quit', 'pre-migration', 'pre-restore'])
export type BackupKind = z.infer<typeof BackupKind>

/** A file path on the user's machine; surfaces only pass paths picked in a dialog or inside the app's folders. */
export const FilePath = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[^\0]+$/)

export const BackupInfo = z.object({
  path: z.string(),
  fileName: z.string(),
  kind: BackupKind,
  createdAt: IsoDateTime,
  sizeBytes: z.number().int().min(0),
})
export type BackupInfo = z.infer<typeof BackupInfo>

/** What a backup holds, read without changing it; counts are given when its schema is the current one. */
export const BackupCheck = z.object({
  path: z.string(),
  sizeBytes: z.number().int().min(0),
  schemaVersion: z.number().int().min(0),
  counts: WorkspaceStats.shape.counts.nullable(),
})
export type BackupCheck = z.infer<typeof BackupCheck>

export const AutomaticBackupReason = z.enum(['daily', 'quit'])
export type AutomaticBackupReason = z.infer<typeof AutomaticBackupReason>

/** Backups of the open workspace: taken online, listed, checked and restored. */
export const backupsMethods = {
  /** The workspace's own backups (the `backups` folder beside it), newest first. */
  'backups.list': method(Empty, z.array(BackupInfo)),
  /** A backup now: to the backups folder, or to a file the user picked. */
  'backups.create': method(z.object({ path: FilePath.optional() }).strict(), BackupInfo),
  /** The daily backup when none was taken today, or the one on quit; then prunes old automatic backups. */
  'backups.auto': method(
    z.object({ reason: AutomaticBackupReason }).strict(),
    z.object({ created: BackupInfo.nullable(), removed: z.array(z.string()) }),
  ),
  /** Validates a backup file and says what it holds, without restoring it. */
  'backups.check': method(z.object({ path: FilePath }).strict(), BackupCheck),
  /** Validates, keeps the current data as a `pre-restore` backup, then loads the backup into the workspace. */
  'backups.restore': method(
    z.object({ path: FilePath }).strict(),
    z.object({ restored: BackupCheck, keptAs: BackupInfo }),
  ),
} as const
