import type { backupsMethods } from '../../../shared/methods/backups'
import { checkBackup, createBackup, listBackups, restoreBackup, runAutomaticBackup } from '../services/backups'
import type { HandlerGroup } from './handlers'

/** Every path goes through the core's path guard: a dialog pick, the app's own folders, or the CLI's trust. */
export const backupsHandlers: HandlerGroup<typeof backupsMethods> = {
  'backups.list': (core) => listBackups(core.dbPath),
  'backups.create': (core, input) =>
    createBackup(core, 'manual', input.path === undefined ? undefined : core.paths.check(input.path)),
  'backups.auto': (core, input) => runAutomaticBackup(core, input.reason),
  'backups.check': (core, input) => checkBackup(core.paths.check(input.path)),
  'backups.restore': (core, input) => restoreBackup(core, core.paths.check(input.path)),
}
