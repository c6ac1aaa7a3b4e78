import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { Locale } from '../../shared/enums'
import type { MenuCommand } from '../../shared/transport'
import { stringsFor } from './strings'

/** Commands the window carries out itself; main only tells it which. */
export type WindowCommand = Extract<MenuCommand, 'import' | 'export' | 'load-demo' | 'about'>

export interface MenuActions {
  newWorkspace(): void
  openWorkspace(): void
  backup(): void
  restore(): void
  sendToWindow(command: WindowCommand): void
  /** Reveals the workspace file in the system's file manager, so people can find and copy their data. */
  showDataFolder(): void
}

export interface MenuEnvironment {
  isPackaged: boolean
  isMac: boolean
}

/** The whole application menu in one language. Item ids name the command, for tests and lookups. */
export function buildMenuTemplate(
  locale: Locale,
  env: MenuEnvironment,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const t = stringsFor(locale)
  const separator: MenuItemConstructorOptions = { type: 'separator' }

  // macOS puts Quit and About in the menu named after the app; elsewhere they live in File and Help.
  const macAppMenu: MenuItemConstructorOptions = {
    label: t.appName,
    submenu: [
      { id: 'about', label: t.about, click: () => actions.sendToWindow('about') },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit', label: t.quit },
    ],
  }

  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      { id: 'new-workspace', label: t.newWorkspace, accelerator: 'CmdOrCtrl+N', click: actions.newWorkspace },
      { id: 'open-workspace', label: t.openWorkspace, accelerator: 'CmdOrCtrl+O', click: actions.openWorkspace },
      { id: 'load-demo', label: t.loadDemo, click: () => actions.sendToWindow('load-demo') },
      separator,
      { id: 'import', label: t.import, accelerator: 'CmdOrCtrl+I', click: () => actions.sendToWindow('import') },
      { id: 'export', label: t.export, accelerator: 'CmdOrCtrl+E', click: () => actions.sendToWindow('export') },
      { id: 'backup', label: t.backup, click: actions.backup },
      { id: 'restore', label: t.restore, click: actions.restore },
      ...(env.isMac ? [] : [separator, { id: 'quit', role: 'quit', label: t.quit } satisfies MenuItemConstructorOptions]),
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      separator,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'delete', label: t.delete },
      separator,
      { role: 'selectAll', label: t.selectAll },
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { role: 'reload', label: t.reload },
      // Developer tools are for building the app, not for the people using it.
      ...(env.isPackaged ? [] : [{ role: 'toggleDevTools', label: t.toggleDevTools } satisfies MenuItemConstructorOptions]),
      separator,
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      separator,
      { role: 'togglefullscreen', label: t.toggleFullscreen },
    ],
  }

  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    submenu: [
      { role: 'minimize', label: t.minimize },
      { role: 'close', label: t.close },
    ],
  }

  const help: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: [
      ...(env.isMac ? [] : [{ id: 'about', label: t.about, click: () => actions.sendToWindow('about') }]),
      { id: 'show-data-folder', label: t.showDataFolder, click: actions.showDataFolder },
    ],
  }

  return [...(env.isMac ? [macAppMenu] : []), file, edit, view, windowMenu, help]
}

export function installMenu(template: MenuItemConstructorOptions[]): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
