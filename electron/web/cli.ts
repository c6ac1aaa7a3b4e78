import path from 'node:path'
import { parseArgs } from 'node:util'
import { openCore } from '../core'
import { resolveWorkspacePath } from '../core/location'
import { startAutomations } from '../core/services/loop/scheduler'
import { startWebHost } from './server'

/** `npm run web -- [--port N] [--db PATH] [--static DIR]`: the workbench in a browser on this machine. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5180' },
      db: { type: 'string' },
      static: { type: 'string', default: path.resolve('out/web') },
      // The automatic rules run on a timer unless `--automations off` (the e2e hosts: tests run them when they mean to).
      automations: { type: 'string', default: 'on' },
    },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${values.port}`)
  const dbPath = resolveWorkspacePath(values.db)
  const core = await openCore({ dbPath, surface: 'web' })
  const host = await startWebHost({ core, port, staticDir: values.static })
  if (values.automations !== 'off') startAutomations(core)
  console.log(`Workspace: ${dbPath}`)
  console.log(`WORKBENCH_WEB_READY ${host.url}`)
  const stop = () => void host.close().then(() => (core.close(), process.exit(0)))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
