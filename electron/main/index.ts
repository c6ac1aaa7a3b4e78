import fs from 'node:fs'
import path from 'node:path'
import { app, session, shell, type BrowserWindow } from 'electron'
import type { Locale } from '../../shared/enums'
import type { EventName, EventPayload } from '../../shared/events'
import { AppContents } from './appContents'
import { isAppUrl, resolveAppEntry } from './appEntry'
import { buildCsp, installCsp } from './csp'
import { resolveDbPath, userDataOverride } from './dbLocation'
import { answerFilePick } from './filePicks'
import { broadcastEvent, registerFilePickHandlers, registerInvokeHandler, sendMenuMessage } from './ipc'
import { pickLocale, readSavedLocale } from './locale'
import { buildMenuTemplate, installMenu, type MenuActions } from './menu'
import { guardWebContents, restrictPermissions } from './security'
import { stringsFor } from './strings'
import { createMainWindow, focusWindow } from './window'
import { Workspace } from './workspace'
import { startAutomations } from '../core/services/loop/scheduler'
import { startReminderNotifications } from './notifications'
import { automaticBackup, backupWorkspace, restoreWorkspace, scheduleDailyBackups } from './backupFlows'
import { newWorkspace, openAtStartup, openWorkspace, type FlowContext } from './workspaceFlows'

// Before anything reads userData (including the single-instance lock, which is keyed on it).
// setPath throws for a folder that does not exist yet.
const userDataDir = userDataOverride(process.argv)
if (userDataDir) {
  const resolved = path.resolve(userDataDir)
  fs.mkdirSync(resolved, { recursive: true })
  app.setPath('userData', resolved)
}

if (app.requestSingleInstanceLock()) {
  runApp()
} else {
  app.quit()
}

function runApp(): void {
  const entry = resolveAppEntry(process.env, import.meta.dirname)
  const isOurs = (url: string) => isAppUrl(entry, url)
  const contents = new AppContents()
  let mainWindow: BrowserWindow | null = null
  let locale: Locale = 'zh-CN'

  const workspace = new Workspace({
    ownFolders: [app.getPath('userData')],
    onEvent: (event, payload) => {
      broadcastEvent(contents, event, payload)
      if (isSettingsChange(event, payload)) void applyLocale()
    },
  })

  const flows: FlowContext = {
    workspace,
    window: () => mainWindow,
    locale: () => locale,
    documentsDir: app.getPath('documents'),
    afterSwitch: () => {
      void applyLocale()
      mainWindow?.webContents.reload()
    },
  }

  const menuActions: MenuActions = {
    newWorkspace: () => void newWorkspace(flows),
    openWorkspace: () => void openWorkspace(flows),
    backup: () => void backupWorkspace(flows, new Date()),
    restore: () => void restoreWorkspace(flows),
    sendToWindow: (command) => {
      if (mainWindow) sendMenuMessage(mainWindow.webContents, { command })
    },
    showDataFolder: () => {
      if (workspace.current) shell.showItemInFolder(workspace.current.dbPath)
    },
  }

  /** The menu follows the workspace's saved language, else the system's. */
  async function applyLocale(): Promise<void> {
    const core = workspace.current
    locale = pickLocale(core ? await readSavedLocale(core) : null, app.getLocale())
    installMenu(buildMenuTemplate(locale, { isPackaged: app.isPackaged, isMac: process.platform === 'darwin' }, menuActions))
  }

  function openWindow(): BrowserWindow {
    const win = createMainWindow({
      entry,
      contents,
      stateFile: path.join(app.getPath('userData'), 'window-state.json'),
      title: stringsFor(locale).appName,
    })
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null
    })
    return win
  }

  // Registered before any window exists so no webContents escapes the guard.
  app.on('web-contents-created', (_event, created) => guardWebContents(created, isOurs))
  app.on('second-instance', () => {
    if (mainWindow) focusWindow(mainWindow)
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (app.isReady() && workspace.current && !mainWindow) mainWindow = openWindow()
  })
  // One backup on the way out: quitting waits for it, once.
  let quitBackupTaken = false
  app.on('before-quit', (event) => {
    if (quitBackupTaken || !workspace.current) return
    event.preventDefault()
    quitBackupTaken = true
    void automaticBackup(workspace.current, 'quit').finally(() => app.quit())
  })
  app.on('will-quit', () => workspace.close())

  /** Once Electron is ready: lock the session down, open the workspace, then show it. */
  async function start(): Promise<void> {
    installCsp(session.defaultSession, buildCsp(entry.devServerUrl))
    restrictPermissions(session.defaultSession, isOurs)
    locale = pickLocale(null, app.getLocale())
    const dbPath = resolveDbPath(process.argv, process.env, app.getPath('userData'))
    if (!(await openAtStartup(workspace, dbPath, locale))) {
      app.quit()
      return
    }
    await applyLocale()
    registerInvokeHandler({ contents, isAppUrl: isOurs, currentCore: () => workspace.current })
    const picks = { allow: (picked: string) => workspace.allow(picked), documentsDir: flows.documentsDir }
    registerFilePickHandlers({ contents, isAppUrl: isOurs }, (kind, sender, request) => answerFilePick(picks, sender, kind, request))
    mainWindow = openWindow()
    scheduleDailyBackups(() => workspace.current)
    startAutomations(() => workspace.current)
    startReminderNotifications({ currentCore: () => workspace.current, window: () => mainWindow, locale: () => locale })
  }

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('[workbench] could not start:', err)
      app.exit(1)
    })
}

function isSettingsChange(event: EventName, payload: unknown): boolean {
  return event === 'data-changed' && (payload as EventPayload<'data-changed'>).reason === 'settings'
}
