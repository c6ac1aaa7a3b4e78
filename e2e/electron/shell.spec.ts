import type { WebPreferences } from 'electron'
import type { Bridge, MenuMessage } from '../../shared/client'
import { SKIP_REASON, findElectronBinary } from './electronBinary'
import { expect, test } from './fixtures'

test.skip(findElectronBinary() === null, SKIP_REASON)

/**
 * The page globals this suite touches. The node tsconfig has no DOM types,
 * and functions passed to page.evaluate run in the page, so each one casts
 * globalThis itself.
 */
interface PageGlobals {
  workbench?: Bridge
  require?: unknown
  process?: unknown
  open(url: string): unknown
  location: { assign(url: string): void }
}

test('opens the workbench window on the workspace named by --db', async ({ page, dbPath }) => {
  await expect(page).toHaveTitle(/商机工作台|Opportunity Workbench/)
  await expect(page.locator('nav, [role="navigation"]').first()).toBeVisible()

  const info = await page.evaluate(() => (globalThis as unknown as PageGlobals).workbench!.invoke('app.info', {}, { locale: 'en' }))
  expect(info).toMatchObject({ ok: true, value: { surface: 'electron', dbPath } })
})

test('runs the page isolated and sandboxed, with no Node in reach', async ({ app, page }) => {
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences exists at run time but is missing from Electron's typings.
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
      getLastWebPreferences(): WebPreferences
    }
    const { contextIsolation, sandbox, nodeIntegration, webSecurity, preload } = contents.getLastWebPreferences()
    return { contextIsolation, sandbox, nodeIntegration, webSecurity, preload }
  })
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
  expect(prefs.preload).toMatch(/out[\\/]preload[\\/]index\.cjs$/)

  const globals = await page.evaluate(() => {
    const page = globalThis as unknown as PageGlobals
    return { require: typeof page.require, process: typeof page.process, bridge: Object.keys(page.workbench ?? {}).sort() }
  })
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    bridge: ['invoke', 'on', 'onMenu', 'onReminderClick', 'pickOpenPath', 'pickSavePath'],
  })
})

test('denies window.open and hands only web links to the system browser', async ({ app, page }) => {
  await app.evaluate(({ shell }) => {
    const opened: string[] = []
    ;(globalThis as { openedExternally?: string[] }).openedExternally = opened
    shell.openExternal = async (url: string) => {
      opened.push(url)
    }
  })

  const results = await page.evaluate(() => {
    const page = globalThis as unknown as PageGlobals
    return [page.open('https://example.com/docs'), page.open('file:///etc/passwd'), page.open('javascript:alert(1)')]
  })
  expect(results).toEqual([null, null, null])

  const opened = await app.evaluate(() => (globalThis as { openedExternally?: string[] }).openedExternally)
  expect(opened).toEqual(['https://example.com/docs'])
  expect(app.windows()).toHaveLength(1)
})

test('refuses to navigate the window away from the app', async ({ app, page }) => {
  const appUrl = page.url()
  const prevented = app.evaluate(
    ({ BrowserWindow }) =>
      new Promise<boolean>((resolve) => {
        // Runs after the app's own guard, so it sees that guard's verdict.
        BrowserWindow.getAllWindows()[0]!.webContents.once('will-navigate', (event) => resolve(event.defaultPrevented))
      }),
  )
  await page.evaluate(() => (globalThis as unknown as PageGlobals).location.assign('https://example.com/'))
  expect(await prevented).toBe(true)
  expect(page.url()).toBe(appUrl)
})

test('Back Up asks main for the file through a native dialog and tells the window', async ({ app, page, dataDir }) => {
  const backupPath = `${dataDir}/backup.db`
  await app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog
  }, backupPath)

  const received = page.evaluate(
    () =>
      new Promise<MenuMessage>((resolve) =>
        (globalThis as unknown as PageGlobals).workbench!.onMenu!((message) => resolve(message)),
      ),
  )
  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.getMenuItemById('backup')!.click())

  expect(await received).toEqual({ command: 'backup', path: backupPath })
})
