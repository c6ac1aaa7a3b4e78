import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from '@playwright/test'

/** CHROMIUM_PATH, else Debian's Chromium, else Playwright's own browser. */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

/**
 * With no system Chromium, Playwright's own browser is used; fetch it on
 * first use. On a machine without network this fails with Playwright's own
 * message, which says what to install.
 */
export function ensurePlaywrightChromium(): void {
  if (chromiumPath() || fs.existsSync(chromium.executablePath())) return
  const root = path.resolve(import.meta.dirname, '..')
  execFileSync(path.join(root, 'node_modules/.bin/playwright'), ['install', 'chromium'], { cwd: root, stdio: 'inherit' })
}
