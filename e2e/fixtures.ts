import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'

const repoRoot = path.resolve(import.meta.dirname, '..')
const READY = /WORKBENCH_WEB_READY (http:\/\/127\.0\.0\.1:\d+)/
const START_TIMEOUT_MS = 30_000

interface WebHost {
  url: string
  dataDir: string
}

/**
 * Each test gets its own data folder and its own web host on a free port,
 * so tests never see each other's records and can run in parallel.
 */
export const test = base.extend<{ webHost: WebHost }>({
  // eslint-disable-next-line no-empty-pattern
  webHost: async ({}, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-e2e-'))
    const host = startHost(dataDir)
    try {
      const url = await waitForReady(host, testInfo.title)
      await use({ url, dataDir })
    } finally {
      await stopHost(host)
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  },
  baseURL: async ({ webHost }, use) => {
    await use(webHost.url)
  },
})

export { expect }

function startHost(dataDir: string): ChildProcess {
  // An inherited ELECTRON_RUN_AS_NODE would change how Node tools behave; the host is plain Node.
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  // The project's own Node (24) first: better-sqlite3 is built for it.
  env.PATH = `${path.join(repoRoot, 'node_modules/.bin')}${path.delimiter}${env.PATH ?? ''}`
  // WORKBENCH_STATIC lets parallel work test its own build of the renderer.
  // The timer-driven rules stay off: a run in the middle of a test would add tasks and renewal deals under it.
  const args = ['electron/web/cli.ts', '--port', '0', '--db', path.join(dataDir, 'workspace.db'), '--static', process.env.WORKBENCH_STATIC ?? 'out/web', '--automations', 'off']
  return spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
}

function waitForReady(host: ChildProcess, title: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => fail(`did not print WORKBENCH_WEB_READY within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS)
    function fail(reason: string) {
      clearTimeout(timer)
      reject(new Error(`Web host for "${title}" ${reason}.\n${output}`))
    }
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      const match = READY.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    host.stdout?.on('data', collect)
    host.stderr?.on('data', collect)
    host.once('exit', (code) => fail(`exited with code ${code}`))
  })
}

function stopHost(host: ChildProcess): Promise<void> {
  if (host.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    host.once('exit', () => resolve())
    host.kill('SIGTERM')
  })
}

/**
 * From the empty workspace, as a newcomer would: one click on the demo button,
 * then the pipeline grid (the app opens on My Day once the workspace has data).
 */
export async function loadDemoWorkspace(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByRole('button', { name: '加载演示数据' }).click()
  await page.evaluate("window.location.hash = '/pipeline'")
  await expect(page.getByRole('grid', { name: '商机' }).locator('[role="row"][data-row-id]').first()).toBeVisible({
    timeout: 90_000,
  })
}
