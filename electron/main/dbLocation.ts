import { resolveWorkspacePath } from '../core/location'

/**
 * Which workspace file to open: `--db PATH` (or `--db=PATH`) on the command
 * line, else the WORKBENCH_DB variable, else workspace.db in Electron's user data folder.
 */
export function resolveDbPath(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  return resolveWorkspacePath(flagValue(argv, '--db'), env, userDataDir)
}

/**
 * `--user-data-dir=PATH` moves the whole profile (window state, default
 * workspace, Chromium caches) so tests and side-by-side runs share nothing.
 * Electron does not apply Chromium's switch to app.getPath('userData') itself.
 */
export function userDataOverride(argv: readonly string[]): string | undefined {
  return flagValue(argv, '--user-data-dir')
}

function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === flag) {
      const next = argv[i + 1]
      return next?.startsWith('--') ? undefined : nonEmpty(next)
    }
    if (arg?.startsWith(`${flag}=`)) return nonEmpty(arg.slice(flag.length + 1))
  }
  return undefined
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value : undefined
}
