import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

/**
 * Stand-ins for the parts of Electron the main process touches. Tests mock
 * the 'electron' module with `electronMock` and drive these objects directly.
 */

/** A webContents: events via EventEmitter, the window-open handler kept for the test to call. */
export class FakeWebContents extends EventEmitter {
  static nextId = 1
  readonly id = FakeWebContents.nextId++
  destroyed = false
  url = ''
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  readonly send = vi.fn()

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  getURL(): string {
    return this.url
  }
  destroy(): void {
    this.destroyed = true
    this.emit('destroyed')
  }
}

/** The event object Electron passes to navigation listeners. */
export function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() }
}

export const electronMock = {
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn() },
  contextBridge: { exposeInMainWorld: vi.fn() },
  shell: { openExternal: vi.fn(async () => undefined) },
  dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn() },
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
}
