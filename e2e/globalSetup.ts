import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { ensurePlaywrightChromium } from './browser'

/**
 * Makes sure a browser exists, then builds the renderer the web host serves
 * from the current sources: a stale out/web would test yesterday's UI.
 * WORKBENCH_E2E_SKIP_BUILD=1 skips the build when it just ran.
 */
export default function globalSetup(): void {
  ensurePlaywrightChromium()
  if (process.env.WORKBENCH_E2E_SKIP_BUILD === '1') return
  const root = path.resolve(import.meta.dirname, '..')
  execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--config', 'renderer/vite.web.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
}
