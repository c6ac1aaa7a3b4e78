import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

export const SKIP_REASON = 'Electron binary not installed on this machine; _electron suite skipped'

/**
 * Where the `electron` package's binary lives, or null when it is not there.
 * This mirrors electron/index.js without requiring it: requiring it on a
 * machine without the binary starts a download, which must not happen in a
 * test run (and cannot succeed offline).
 */
export function findElectronBinary(): string | null {
  const require = createRequire(import.meta.url)
  let packageDir: string
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = path.join(packageDir, 'path.txt')
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const candidate = override
    ? path.join(override, relative ?? 'electron')
    : relative
      ? path.join(packageDir, 'dist', relative)
      : null
  return candidate && fs.existsSync(candidate) ? candidate : null
}
