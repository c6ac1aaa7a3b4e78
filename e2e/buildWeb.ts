import { execFileSync } from 'node:child_process'
import path from 'node:path'

/**
 * The specs drive the built renderer that the web host serves, so build it
 * from the current sources first; a stale out/web would test yesterday's UI.
 * WORKBENCH_E2E_SKIP_BUILD=1 skips this when the build just ran.
 */
export default function buildWeb(): void {
  if (process.env.WORKBENCH_E2E_SKIP_BUILD === '1') return
  const root = path.resolve(import.meta.dirname, '..')
  execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--config', 'renderer/vite.web.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
}
