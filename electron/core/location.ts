import os from 'node:os'
import path from 'node:path'

/** Electron names the user-data folder after the product; the CLI and web host use the same one. */
export const PRODUCT_NAME = '商机工作台'

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', PRODUCT_NAME)
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), PRODUCT_NAME)
}

export const DEFAULT_DB_NAME = 'workspace.db'

/** `--db PATH` wins, then WORKBENCH_DB, then the workspace in the user-data folder. Every surface agrees. */
export function resolveWorkspacePath(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  userDataDir: string = defaultUserDataDir(env),
): string {
  const chosen = [flag, env.WORKBENCH_DB].find((value) => value !== undefined && value.trim() !== '')
  return path.resolve(chosen ?? path.join(userDataDir, DEFAULT_DB_NAME))
}
