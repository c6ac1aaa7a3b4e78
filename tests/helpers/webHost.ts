import fs from 'node:fs'
import path from 'node:path'
import { afterEach } from 'vitest'
import { startWebHost, type WebHost } from '../../electron/web/server'
import { openWorkspace, tempDir, type TestWorkspace } from './workspace'

let host: WebHost | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
})

/** A web host on a free loopback port over a fresh workspace, serving a stand-in renderer; closed after the test. */
export async function startTestWebHost(): Promise<{ ws: TestWorkspace; url: string }> {
  const ws = await openWorkspace()
  const staticDir = tempDir()
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>商机工作台</title>')
  host = await startWebHost({ core: ws.core, port: 0, staticDir })
  return { ws, url: host.url }
}
