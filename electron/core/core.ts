import path from 'node:path'
import type { Database } from 'better-sqlite3'
import type { AppInfo } from '../../shared/api'
import { EventBus } from './events'
import { PathGuard } from './paths'
import { openDatabase, openReader } from './store/database'

export type Surface = AppInfo['surface']

/**
 * Below this many deals the whole dashboard takes a few milliseconds, less
 * than a helper thread costs to start and hold.
 */
const PARALLEL_CHARTS_FROM = 20_000

export interface CoreOptions {
  dbPath: string
  surface: Surface
  /** The app's own folders (user data, backups): paths inside them need no dialog. */
  ownFolders?: string[]
  /** The CLI trusts the paths its user typed; the windows trust only dialogs. */
  trustAllPaths?: boolean
  /** Injectable clock so rules about time can be tested. */
  clock?: () => Date
  /** From how many deals the dashboard computes half its charts in a helper thread (see analytics/chartHelper.ts). */
  parallelChartsFrom?: number
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
  readonly parallelChartsFrom: number
  /** Runs `release` when the workspace closes, before its connection does (helpers holding their own connections). */
  onClose(release: () => void): void
  close(): void
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? (() => new Date())
  const dbPath = path.resolve(options.dbPath)
  const opened = await openDatabase(dbPath, { now: clock })
  const ownFolders = [...(options.ownFolders ?? []), path.join(path.dirname(dbPath), 'backups')]
  const releases: (() => void)[] = []
  return {
    db: opened.db,
    dbPath,
    surface: options.surface,
    clock,
    events: new EventBus(),
    paths: new PathGuard(ownFolders, options.trustAllPaths ?? false),
    preMigrationBackup: opened.preMigrationBackup,
    parallelChartsFrom: options.parallelChartsFrom ?? PARALLEL_CHARTS_FROM,
    onClose: (release) => releases.push(release),
    close: () => {
      for (const release of releases.splice(0)) release()
      // Keeps the planner's statistics fresh, as SQLite recommends before closing.
      opened.db.pragma('optimize')
      opened.db.close()
    },
  }
}

/**
 * A read-only core over a workspace another core of this process has open,
 * for a worker thread that reads beside it (its clock is the caller's).
 */
export function openReaderCore(dbPath: string, surface: Surface, clock: () => Date): Core {
  const db = openReader(dbPath, clock)
  return {
    db,
    dbPath,
    surface,
    clock,
    events: new EventBus(),
    paths: new PathGuard([], false),
    preMigrationBackup: null,
    parallelChartsFrom: Infinity,
    onClose: () => {},
    close: () => db.close(),
  }
}
