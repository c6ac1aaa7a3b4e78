import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron, test as base, type ElectronApplication, type Page } from '@playwright/test'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const MAIN_SCRIPT = path.join(REPO_ROOT, 'out/main/index.js')

/**
 * The environment the app starts with: the runner's, minus anything that
 * would turn Electron into plain Node or inject code into it.
 */
function launchEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'NODE_OPTIONS') env[key] = value
  }
  return env
}

interface Fixtures {
  /** A fresh folder per test holding the workspace file and the profile. */
  dataDir: string
  dbPath: string
  app: ElectronApplication
  page: Page
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-electron-'))
    await use(dir)
    fs.rmSync(dir, { recursive: true, force: true })
  },
  dbPath: async ({ dataDir }, use) => {
    await use(path.join(dataDir, 'workspace.db'))
  },
  app: async ({ dataDir, dbPath }, use) => {
    if (!fs.existsSync(MAIN_SCRIPT)) throw new Error(`${MAIN_SCRIPT} is missing; run \`npm run build\` first.`)
    // The repo folder is the app, as with `electron .`: package.json names out/main/index.js as main.
    const app = await electron.launch({
      args: [REPO_ROOT, `--user-data-dir=${path.join(dataDir, 'user-data')}`, '--db', dbPath],
      env: launchEnv(),
      cwd: REPO_ROOT,
    })
    await use(app)
    await app.close()
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    await use(page)
  },
})

export { expect } from '@playwright/test'
