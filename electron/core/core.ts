import path from 'node:path'
import type { Database } from 'better-sqlite3'
import type { AppInfo } from '../../shared/api'
import { EventBus } from './events'
import { PathGuard } from './paths'
import { openDatabase } from './store/database'

export type Surface = AppInfo['surface']

export interface CoreOptions {
  dbPath: string
  surface: Surface
  /** The app's own folders (user data, backups): paths inside them need no dialog. */
  ownFolders?: string[]
  /** The CLI trusts the paths its user typed; the windows trust only dialogs. */
  trustAllPaths?: boolean
  /** Injectable clock so rules about time can be tested. */
  clock?: () => Date
}

/** Everything a handler needs: the open workspace and the ways to reach its users. */
export interface Core {
  readonly db: Database
  readonly dbPath: string
  readonly surface: Surface
  readonly clock: () => Date
  readonly events: EventBus
  readonly paths: PathGuard
  readonly preMigrationBackup: string | null
  close(): void
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? (() => new Date())
  const dbPath = path.resolve(options.dbPath)
  const opened = await openDatabase(dbPath, { now: clock })
  const ownFolders = [...(options.ownFolders ?? []), path.join(path.dirname(dbPath), 'backups')]
  return {
    db: opened.db,
    dbPath,
    surface: options.surface,
    clock,
    events: new EventBus(),
    paths: new PathGuard(ownFolders, options.trustAllPaths ?? false),
    preMigrationBackup: opened.preMigrationBackup,
    close: () => {
      // Keeps the planner's statistics fresh, as SQLite recommends before closing.
      opened.db.pragma('optimize')
      opened.db.close()
    },
  }
}
