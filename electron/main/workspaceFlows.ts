import path from 'node:path'
import type { BrowserWindow } from 'electron'
import type { Locale } from '../../shared/enums'
import { errorMessage } from '../../shared/errors'
import { askAfterOpenFailure, pickOpenPath, pickSavePath, showOpenFailure, workspaceFilters } from './dialogs'
import { sendMenuMessage } from './ipc'
import { stringsFor } from './strings'
import { failureCode, type Workspace } from './workspace'

/** What the menu's workspace commands need from the running app. */
export interface FlowContext {
  workspace: Workspace
  window(): BrowserWindow | null
  locale(): Locale
  /** Where save dialogs start (the user's documents folder). */
  documentsDir: string
  /** Called once another workspace is open, to show it. */
  afterSwitch(): void
}

/**
 * Opens the workspace the app starts with. When it cannot be opened the file
 * is left as it is and the user may pick another one or quit; returns false
 * when they quit.
 */
export async function openAtStartup(workspace: Workspace, firstPath: string, locale: Locale): Promise<boolean> {
  let dbPath = firstPath
  for (;;) {
    try {
      await workspace.open(dbPath)
      return true
    } catch (err) {
      const next = await chooseAnother(locale, dbPath, describeFailure(err, locale))
      if (!next) return false
      workspace.allow(next)
      dbPath = next
    }
  }
}

/** Cancelling the open dialog returns to the failure dialog rather than quitting behind the user's back. */
async function chooseAnother(locale: Locale, dbPath: string, reason: string): Promise<string | null> {
  const strings = stringsFor(locale)
  while ((await askAfterOpenFailure(strings, dbPath, reason)) === 'open-another') {
    const picked = await pickOpenPath(null, { title: strings.openWorkspaceTitle, filters: workspaceFilters(strings) })
    if (picked) return picked
  }
  return null
}

/**
 * Picking an existing file here opens it as it is: the workspace file is never
 * replaced, even when the save dialog asked about overwriting.
 */
export async function newWorkspace(context: FlowContext): Promise<void> {
  const strings = stringsFor(context.locale())
  const picked = await pickSavePath(context.window(), {
    title: strings.newWorkspaceTitle,
    filters: workspaceFilters(strings),
    defaultPath: path.join(context.documentsDir, 'workspace.db'),
  })
  if (picked) await switchWorkspace(context, picked)
}

export async function openWorkspace(context: FlowContext): Promise<void> {
  const strings = stringsFor(context.locale())
  const picked = await pickOpenPath(context.window(), {
    title: strings.openWorkspaceTitle,
    filters: workspaceFilters(strings),
    defaultPath: context.documentsDir,
  })
  if (picked) await switchWorkspace(context, picked)
}

async function switchWorkspace(context: FlowContext, dbPath: string): Promise<void> {
  context.workspace.allow(dbPath)
  if (context.workspace.isOpen(dbPath)) return
  try {
    await context.workspace.open(dbPath)
  } catch (err) {
    const locale = context.locale()
    await showOpenFailure(context.window(), stringsFor(locale), dbPath, describeFailure(err, locale))
    return
  }
  context.afterSwitch()
}

/**
 * Main asks for the target file, because only a dialog-picked path passes the
 * core's path guard; the window then runs the backup with that path.
 */
export async function backupWorkspace(context: FlowContext, now: Date): Promise<void> {
  const strings = stringsFor(context.locale())
  const win = context.window()
  const picked = await pickSavePath(win, {
    title: strings.backupTitle,
    filters: workspaceFilters(strings),
    defaultPath: path.join(context.documentsDir, `${strings.backupFileName}-${fileStamp(now)}.db`),
  })
  if (!picked || !win) return
  context.workspace.allow(picked)
  sendMenuMessage(win.webContents, { command: 'backup', path: picked })
}

function describeFailure(err: unknown, locale: Locale): string {
  // The full error is for the developer's terminal; the user reads the sentence for its code.
  console.error('[workbench] could not open workspace:', err)
  return errorMessage(failureCode(err), locale)
}

/** 2025-03-07 14:05 → 20250307-1405, in local time because the user reads it. */
export function fileStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`
}
