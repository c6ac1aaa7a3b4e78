import { dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import type { MainStrings } from './strings'

export interface PickOptions {
  title: string
  filters: FileFilter[]
  defaultPath?: string
}

/**
 * Native file dialogs, sheet-attached to the window when there is one.
 * Both resolve to null when the user cancels. Callers record the result with
 * the core's path guard; that is what lets a handler use the file afterwards.
 */
export async function pickSavePath(parent: BrowserWindow | null, options: PickOptions): Promise<string | null> {
  const dialogOptions: SaveDialogOptions = { ...options, properties: ['createDirectory', 'showOverwriteConfirmation'] }
  const result = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions)
  return result.canceled || !result.filePath ? null : result.filePath
}

export async function pickOpenPath(parent: BrowserWindow | null, options: PickOptions): Promise<string | null> {
  const dialogOptions: OpenDialogOptions = { ...options, properties: ['openFile'] }
  const result = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

export function workspaceFilters(strings: MainStrings): FileFilter[] {
  return [{ name: strings.workspaceFiles, extensions: ['db', 'sqlite'] }]
}

/**
 * After a workspace failed to open at start: the user may restore its latest
 * backup (when `restoreLabel` offers one), pick another workspace, or quit.
 */
export async function askAfterOpenFailure(
  strings: MainStrings,
  dbPath: string,
  reason: string,
  restoreLabel?: string,
): Promise<'restore' | 'open-another' | 'quit'> {
  const choices = [...(restoreLabel ? (['restore'] as const) : []), 'open-another', 'quit'] as const
  const labels = { restore: restoreLabel ?? '', 'open-another': strings.openAnother, quit: strings.quit }
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: strings.openFailedTitle,
    message: `${strings.openFailedMessage}\n${dbPath}`,
    detail: reason,
    buttons: choices.map((choice) => labels[choice]),
    defaultId: 0,
    cancelId: choices.length - 1,
    noLink: true,
  })
  return choices[response] ?? 'quit'
}

/** A workspace chosen from the menu failed to open; the current one stays open. */
export async function showOpenFailure(
  parent: BrowserWindow | null,
  strings: MainStrings,
  dbPath: string,
  reason: string,
): Promise<void> {
  const options = {
    type: 'error' as const,
    title: strings.openFailedTitle,
    message: `${strings.openFailedMessage}\n${dbPath}`,
    detail: reason,
    buttons: [strings.ok],
  }
  if (parent) await dialog.showMessageBox(parent, options)
  else await dialog.showMessageBox(options)
}
