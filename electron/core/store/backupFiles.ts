import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { setTimeout } from 'node:timers/promises'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import type { ErrorCode } from '../../../shared/errors'
import type { BackupCheck } from '../../../shared/methods/backups'
import { AppError, fromSqliteError } from '../errors'
import { APPLICATION_ID } from './database'
import { LATEST_VERSION } from './migrations'
import { workspaceStats } from './stats'

const SQLITE_HEADER = 'SQLite format 3\0'

/** Pages per step of better-sqlite3's backup loop: all at once, so a restore does not yield half way through. */
const ALL_PAGES = 0x7fffffff
const BUSY_RETRY_MS = 20

/**
 * Copies an open database to `target` with SQLite's online backup API. The
 * copy is written beside the target and renamed into place, so `target` is
 * either the old file or a complete backup, never half of one.
 */
export async function writeBackupFile(db: Database, target: string): Promise<void> {
  const partial = `${target}.${process.pid}-${randomUUID().slice(0, 8)}.partial`
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true })
    await db.backup(partial)
    // One self-contained file: whoever reads the backup later needs no -wal or -shm beside it.
    const copy = new BetterSqlite3(partial)
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    fs.renameSync(partial, target)
  } catch (err) {
    for (const leftover of [partial, `${partial}-journal`]) fs.rmSync(leftover, { force: true })
    throw storageError(err)
  }
}

/** Copies a database file that is not open (a backup) to `target`, reading it without changing it. */
export async function copyDatabaseFile(source: string, target: string): Promise<void> {
  const db = openReadonly(source)
  try {
    await writeBackupFile(db, target)
  } finally {
    db.close()
  }
}

/**
 * Checks that a file is a whole, undamaged workbench database this version
 * can open, and says what it holds. Reads only.
 */
export function inspectDatabaseFile(file: string): BackupCheck {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (!stat?.isFile()) throw new AppError('BACKUP_NOT_FOUND', { path: file })
  assertSqliteHeader(file)
  const db = openReadonly(file)
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const pageCount = db.pragma('page_count', { simple: true }) as number
    if (pageSize * pageCount > stat.size) throw new AppError('DB_CORRUPT', { path: file, reason: 'truncated' })
    const check = db.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new AppError('DB_CORRUPT', { path: file, check })
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new AppError('DB_NOT_WORKBENCH', { path: file })
    const schemaVersion = db.pragma('user_version', { simple: true }) as number
    if (schemaVersion > LATEST_VERSION) {
      throw new AppError('DB_NEWER_VERSION', { path: file, version: schemaVersion, supported: LATEST_VERSION })
    }
    if (schemaVersion < 1) throw new AppError('DB_NOT_WORKBENCH', { path: file })
    const counts = schemaVersion === LATEST_VERSION ? workspaceStats(db).counts : null
    return { path: file, sizeBytes: stat.size, schemaVersion, counts }
  } catch (err) {
    throw storageError(err)
  } finally {
    db.close()
  }
}

/**
 * Replaces the contents of the open database `live` with those of `source`,
 * through SQLite's backup API in a single transaction on the file. Every
 * connection to it (this one, another window, the CLI) sees either the old
 * or the new data, and a failure leaves the old data in place. Waits as long
 * as `live` waits for another connection's write (its busy_timeout).
 */
export async function loadDatabaseInto(source: string, live: Database): Promise<void> {
  const busyTimeoutMs = live.pragma('busy_timeout', { simple: true }) as number
  const started = Date.now()
  const giveUpWhenLate = () => {
    if (Date.now() - started > busyTimeoutMs) throw new AppError('DB_BUSY', { path: live.name })
  }
  const db = openReadonly(source)
  try {
    for (;;) {
      // Called again while another connection holds the write lock.
      const progress = await db.backup(live.name, { progress: () => (giveUpWhenLate(), ALL_PAGES) })
      // A file locked before the first page is reported as a finished backup of no pages: try again.
      if (progress.totalPages > 0) return
      giveUpWhenLate()
      await setTimeout(BUSY_RETRY_MS)
    }
  } catch (err) {
    throw storageError(err)
  } finally {
    db.close()
  }
}

function openReadonly(file: string): Database {
  try {
    return new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  } catch (err) {
    throw storageError(err)
  }
}

function assertSqliteHeader(file: string): void {
  const fd = fs.openSync(file, 'r')
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length)
    fs.readSync(fd, header, 0, header.length, 0)
    if (header.toString('latin1') !== SQLITE_HEADER) throw new AppError('DB_NOT_WORKBENCH', { path: file })
  } finally {
    fs.closeSync(fd)
  }
}

/** File-system failures while copying: the disk, the permissions, or a file that vanished. */
const fileErrorCodes: Record<string, ErrorCode> = {
  ENOSPC: 'DISK_FULL',
  EDQUOT: 'DISK_FULL',
  EACCES: 'DB_READONLY',
  EPERM: 'DB_READONLY',
  EROFS: 'DB_READONLY',
  SQLITE_CANTOPEN: 'DB_READONLY',
  ENOENT: 'BACKUP_NOT_FOUND',
}

function storageError(err: unknown): unknown {
  if (err instanceof AppError) return err
  const sqlite = fromSqliteError(err)
  if (sqlite) return sqlite
  const code = String((err as { code?: unknown } | null)?.code ?? '')
  const mapped = fileErrorCodes[code.split('_').slice(0, 2).join('_')]
  return mapped ? new AppError(mapped, { cause: code }) : err
}
