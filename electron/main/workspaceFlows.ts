import path from 'node:path'
import type { BrowserWindow } from 'electron'
import type { Locale } from '../../shared/enums'
import { errorMessage } from '../../shared/errors'
import { isRestorableFailure, latestRestorableBackup } from '../core/services/backups'
import { displayTime, restoreOverUnopenable } from './backupFlows'
import { askAfterOpenFailure, pickOpenPath, pickSavePath, showOpenFailure, workspaceFilters } from './dialogs'
import { fill, stringsFor } from './strings'
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
 * is left as it is, and the user may restore its latest backup (when it is
 * damaged, foreign or newer and a good backup exists), pick another
 * workspace, or quit; returns false when they quit.
 */
export async function openAtStartup(
  workspace: Workspace,
  firstPath: string,
  locale: Locale,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  let dbPath = firstPath
  for (;;) {
    try {
      await workspace.open(dbPath)
      return true
    } catch (err) {
      const next = await recover(locale, dbPath, err, now)
      if (!next) return false
      workspace.allow(next)
      dbPath = next
    }
  }
}

/**
 * The path to try next: the same one once a backup replaced it, or another
 * the user picked. Cancelling the open dialog returns to the failure dialog
 * rather than quitting behind the user's back; null means quit.
 */
async function recover(locale: Locale, dbPath: string, err: unknown, now: () => Date): Promise<string | null> {
  const strings = stringsFor(locale)
  const reason = describeFailure(err, locale)
  const backup = isRestorableFailure(err) ? latestRestorableBackup(dbPath) : null
  const restoreLabel = backup ? fill(strings.restoreLatest, { date: displayTime(backup.createdAt) }) : undefined
  for (;;) {
    const choice = await askAfterOpenFailure(strings, dbPath, reason, restoreLabel)
    if (choice === 'quit') return null
    if (choice === 'restore' && backup) {
      if (await restoreOverUnopenable(locale, dbPath, backup.path, now())) return dbPath
      continue
    }
    const picked = await pickOpenPath(null, { title: strings.openWorkspaceTitle, filters: workspaceFilters(strings) })
    if (picked) return picked
  }
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

function describeFailure(err: unknown, locale: Locale): string {
  // The full error is for the developer's terminal; the user reads the sentence for its code.
  console.error('[workbench] could not open workspace:', err)
  return errorMessage(failureCode(err), locale)
}
