import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { AppError, fromSqliteError } from '../errors'
import { registerLoopFunctions } from './loop/functions'
import { LATEST_VERSION, migrations } from './migrations'

/** Marks a SQLite file as ours ('SJGT'), so a foreign database is never migrated. */
export const APPLICATION_ID = 0x534a4754

export interface OpenOptions {
  /** Folder for the copy taken before a migration; defaults to a `backups` folder beside the file. */
  backupDir?: string
  readonly?: boolean
  now?: () => Date
}

export interface OpenedDatabase {
  db: Database
  /** The file saved before migrating, when a migration ran on an existing file. */
  preMigrationBackup: string | null
  fromVersion: number
}

const SQLITE_HEADER = 'SQLite format 3\0'

/**
 * Opens (creating if absent) a workspace file: checks that it is ours and not
 * from a newer version, backs it up, then migrates it in one transaction.
 * A file that fails a check is never written to.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const existing = fs.existsSync(file) && fs.statSync(file).size > 0
  if (existing) assertSqliteFile(file)
  else fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })

  let db: Database
  try {
    db = new BetterSqlite3(file, { readonly: options.readonly ?? false })
  } catch (err) {
    throw fromSqliteError(err) ?? err
  }
  try {
    const fromVersion = inspect(db, existing)
    configure(db, options.readonly ?? false, options.now ?? (() => new Date()))
    let preMigrationBackup: string | null = null
    if (fromVersion < LATEST_VERSION) {
      if (existing && fromVersion > 0) {
        preMigrationBackup = await backupBeforeMigration(db, file, fromVersion, options)
      }
      migrate(db, fromVersion)
    }
    return { db, preMigrationBackup, fromVersion }
  } catch (err) {
    db.close()
    throw err instanceof AppError ? err : (fromSqliteError(err) ?? err)
  }
}

/**
 * A second, read-only connection to a workspace file that this process has
 * already opened (and so checked and migrated) through openDatabase.
 */
export function openReader(file: string, now: () => Date): Database {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  configure(db, true, now)
  return db
}

function assertSqliteFile(file: string): void {
  const fd = fs.openSync(file, 'r')
  try {
    const header = Buffer.alloc(16)
    fs.readSync(fd, header, 0, 16, 0)
    if (header.toString('latin1') !== SQLITE_HEADER) throw new AppError('DB_NOT_WORKBENCH', { file })
  } finally {
    fs.closeSync(fd)
  }
}

/** Returns the schema version, or refuses a foreign, newer or damaged file. */
function inspect(db: Database, existing: boolean): number {
  const check = db.pragma('quick_check', { simple: true })
  if (check !== 'ok') throw new AppError('DB_CORRUPT', { check })
  const version = db.pragma('user_version', { simple: true }) as number
  const appId = db.pragma('application_id', { simple: true }) as number
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n
  if (existing && tables > 0 && appId !== APPLICATION_ID) throw new AppError('DB_NOT_WORKBENCH')
  if (version > LATEST_VERSION) throw new AppError('DB_NEWER_VERSION', { version, supported: LATEST_VERSION })
  return version
}

function configure(db: Database, readonly: boolean, now: () => Date): void {
  if (!readonly) db.pragma('journal_mode = WAL')
  // Queries about time (rotting, overdue) read the workspace clock, so tests can move it.
  db.function('wb_now', { deterministic: false }, () => now().toISOString())
  registerLoopFunctions(db)
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma('synchronous = NORMAL')
}

function migrate(db: Database, fromVersion: number): void {
  const pending = migrations.filter((m) => m.version > fromVersion)
  db.transaction(() => {
    for (const step of pending) step.up(db)
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.pragma(`user_version = ${LATEST_VERSION}`)
  }).immediate()
}

async function backupBeforeMigration(
  db: Database,
  file: string,
  fromVersion: number,
  options: OpenOptions,
): Promise<string> {
  const dir = options.backupDir ?? path.join(path.dirname(path.resolve(file)), 'backups')
  fs.mkdirSync(dir, { recursive: true })
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
  const target = path.join(dir, `${path.basename(file)}.v${fromVersion}.${stamp}.pre-migration.db`)
  await db.backup(target)
  return target
}
