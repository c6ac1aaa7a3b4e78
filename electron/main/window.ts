import { BrowserWindow, screen } from 'electron'
import type { AppEntry } from './appEntry'
import type { AppContents } from './appContents'
import { buildWebPreferences } from './security'
import { MIN_HEIGHT, MIN_WIDTH, persistWindowState, readWindowState } from './windowState'

export interface MainWindowOptions {
  entry: AppEntry
  contents: AppContents
  /** JSON file in userData holding size, position and maximized state. */
  stateFile: string
  title: string
}

/** The one workbench window, where it was last left, registered as the app's own before it loads anything. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = readWindowState(
    options.stateFile,
    screen.getAllDisplays().map((display) => display.workArea),
  )
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: options.title,
    // Shown once painted, so the user never sees a blank white frame.
    show: false,
    webPreferences: buildWebPreferences(options.entry.preload),
  })
  options.contents.add(win.webContents)
  persistWindowState(win, options.stateFile)
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize()
    win.show()
  })
  loadApp(win, options.entry).catch((err: unknown) => console.error('[workbench] could not load the window:', err))
  return win
}

function loadApp(win: BrowserWindow, entry: AppEntry): Promise<void> {
  return entry.devServerUrl ? win.loadURL(entry.devServerUrl) : win.loadFile(entry.indexHtml)
}

/** A second launch brings the existing window forward instead of opening another. */
export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}
