import path from 'node:path'
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron'
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api'
import type { Locale } from '../../shared/enums'
import type { Envelope } from '../../shared/envelope'
import { errorMessage } from '../../shared/errors'
import { dispatch, type Core } from '../core'
import { backupsFolder, DAILY_CHECK_EVERY_MS, restoreUnopenableWorkspace } from '../core/services/backups'
import { pickOpenPath, pickSavePath, workspaceFilters } from './dialogs'
import { fill, stringsFor, type MainStrings } from './strings'
import { failureCode } from './workspace'
import type { FlowContext } from './workspaceFlows'

/**
 * The backup commands of the menu, and the automatic backups. Main runs them
 * itself through the core's API: the user picks files in native dialogs, main
 * records each pick with the path guard, then calls the handler.
 */

/** File ▸ Back Up…: to a file the user picks, by default in their documents. */
export async function backupWorkspace(context: FlowContext, now: Date): Promise<void> {
  const core = context.workspace.current
  if (!core) return
  const strings = stringsFor(context.locale())
  const picked = await pickSavePath(context.window(), {
    title: strings.backupTitle,
    filters: workspaceFilters(strings),
    defaultPath: path.join(context.documentsDir, `${strings.backupFileName}-${fileStamp(now)}.db`),
  })
  if (!picked) return
  context.workspace.allow(picked)
  const result = await call(core, context, 'backups.create', { path: picked })
  if (result.ok) await notify(context, { type: 'info', message: strings.backupDone, detail: result.value.path })
  else await notify(context, { type: 'error', message: strings.backupFailed, detail: result.error.message })
}

/**
 * File ▸ Restore from Backup…: the user picks a backup (the dialog opens in
 * the workspace's backups folder), sees what it holds, confirms, and the
 * window reloads with the restored data. The current data is kept as a
 * backup first, by the core.
 */
export async function restoreWorkspace(context: FlowContext): Promise<void> {
  const core = context.workspace.current
  if (!core) return
  const strings = stringsFor(context.locale())
  const picked = await pickOpenPath(context.window(), {
    title: strings.restoreTitle,
    filters: workspaceFilters(strings),
    defaultPath: backupsFolder(core.dbPath),
  })
  if (!picked) return
  context.workspace.allow(picked)
  const check = await call(core, context, 'backups.check', { path: picked })
  if (!check.ok) {
    await notify(context, { type: 'error', message: strings.restoreFailed, detail: check.error.message })
    return
  }
  if (!(await confirmRestore(context, strings, picked, check.value.counts?.opportunities ?? null))) return
  const result = await call(core, context, 'backups.restore', { path: picked })
  if (!result.ok) {
    await notify(context, { type: 'error', message: strings.restoreFailed, detail: result.error.message })
    return
  }
  context.afterSwitch()
  await notify(context, {
    type: 'info',
    message: strings.restoreDone,
    detail: fill(strings.restoreDoneDetail, { file: result.value.keptAs.path }),
  })
}

/**
 * At start, for a workspace that would not open: puts its latest good backup
 * in its place (the file itself is renamed aside, never written) and tells
 * the user where the old file is. False when the restore failed; the user
 * was told why.
 */
export async function restoreOverUnopenable(locale: Locale, dbPath: string, backup: string, now: Date): Promise<boolean> {
  const strings = stringsFor(locale)
  try {
    const { keptAs } = await restoreUnopenableWorkspace(dbPath, backup, now)
    const detail = keptAs ? fill(strings.setAsideDetail, { file: keptAs }) : backup
    await showMessageBox(null, { type: 'info', message: strings.restoreDone, detail, buttons: [strings.ok] })
    return true
  } catch (err) {
    console.error('[workbench] could not restore the backup:', err)
    const detail = errorMessage(failureCode(err), locale)
    await showMessageBox(null, { type: 'error', message: strings.restoreFailed, detail, buttons: [strings.ok] })
    return false
  }
}

/**
 * Asks the core for the daily backup now and every hour after; the core
 * decides, by its clock and its backups folder, whether one is due.
 * Returns the function that stops the timer.
 */
export function scheduleDailyBackups(currentCore: () => Core | null): () => void {
  const tick = () => void automaticBackup(currentCore(), 'daily')
  tick()
  const timer = setInterval(tick, DAILY_CHECK_EVERY_MS)
  // The timer alone must not keep the app running.
  timer.unref()
  return () => clearInterval(timer)
}

/** The backup taken on every quit (and the pruning of old automatic backups). Never throws: quitting goes on. */
export async function automaticBackup(core: Core | null, reason: 'daily' | 'quit'): Promise<void> {
  if (!core) return
  const result = await dispatch(core, 'backups.auto', { reason }, { locale: 'en', userId: null })
  if (!result.ok) console.error(`[workbench] the ${reason} backup failed:`, result.error.code, result.error.details)
}

/** 2025-03-07 14:05 → 20250307-1405, in local time because the user reads it. */
export function fileStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`
}

/** 2025-03-07 14:05 in local time, for people. */
export function displayTime(iso: string): string {
  const date = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

async function call<M extends MethodName>(
  core: Core,
  context: FlowContext,
  method: M,
  input: MethodInput<M>,
): Promise<Envelope<MethodOutput<M>>> {
  return (await dispatch(core, method, input, { locale: context.locale(), userId: null })) as Envelope<MethodOutput<M>>
}

async function confirmRestore(context: FlowContext, strings: MainStrings, file: string, opportunities: number | null): Promise<boolean> {
  const { response } = await showMessageBox(context.window(), {
    type: 'warning',
    message: strings.restoreConfirm,
    detail: fill(strings.restoreConfirmDetail, { file, count: opportunities ?? '—' }),
    buttons: [strings.restoreButton, strings.cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  })
  return response === 0
}

async function notify(context: FlowContext, options: Pick<MessageBoxOptions, 'type' | 'message' | 'detail'>): Promise<void> {
  await showMessageBox(context.window(), { ...options, buttons: [stringsFor(context.locale()).ok] })
}

function showMessageBox(parent: BrowserWindow | null, options: MessageBoxOptions) {
  return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)
}
