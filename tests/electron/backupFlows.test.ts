import fs from 'node:fs'
import path from 'node:path'
import { dialog, type MessageBoxOptions, type OpenDialogOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { dispatch, type Core } from '../../electron/core'
import { listBackups } from '../../electron/core/services/backups'
import { automaticBackup, displayTime, restoreWorkspace, scheduleDailyBackups } from '../../electron/main/backupFlows'
import { Workspace } from '../../electron/main/workspace'
import { openAtStartup, type FlowContext } from '../../electron/main/workspaceFlows'
import { damage, makeWorkspaceFile, sha256 } from '../durability/helpers'
import { tempDir } from '../helpers/workspace'

vi.mock('electron', async () => (await import('./fakes')).electronMock)

/**
 * The backup flows of the main process against a real core and real files;
 * only Electron's dialogs are stand-ins, answered by each test.
 */

const workspaces: Workspace[] = []

beforeEach(() => {
  for (const fn of Object.values(dialog)) vi.mocked(fn).mockReset()
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(() => {
  while (workspaces.length > 0) workspaces.pop()!.close()
  vi.useRealTimers()
})

async function openedWorkspace(opportunities = 3) {
  const dir = tempDir()
  const dbPath = path.join(dir, 'workspace.db')
  await makeWorkspaceFile(dbPath, opportunities)
  const workspace = new Workspace({ ownFolders: [dir], onEvent: vi.fn() })
  workspaces.push(workspace)
  await workspace.open(dbPath)
  const context: FlowContext = {
    workspace,
    window: () => null,
    locale: () => 'en',
    documentsDir: dir,
    afterSwitch: vi.fn(),
  }
  return { dir, dbPath, workspace, context, core: workspace.current! }
}

async function call<T = never>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await dispatch(core, method, input, { locale: 'en', userId: null })
  if (!result.ok) throw new Error(result.error.code)
  return result.value as T
}

function countOpportunities(core: Core): number {
  return core.db.prepare('SELECT count(*) FROM opportunities').pluck().get() as number
}

/** Answers the message boxes in order, and keeps what each one showed. */
function answerMessageBoxes(...responses: number[]): MessageBoxOptions[] {
  const shown: MessageBoxOptions[] = []
  for (const response of responses) {
    vi.mocked(dialog.showMessageBox).mockImplementationOnce(async (...args: unknown[]) => {
      shown.push(args.at(-1) as MessageBoxOptions)
      return { response, checkboxChecked: false }
    })
  }
  return shown
}

describe('File ▸ Restore from Backup…', () => {
  it('opens in the backups folder, shows what the backup holds, restores it once confirmed, and reloads', async () => {
    const { dbPath, context, core } = await openedWorkspace(3)
    const backup: { path: string } = await call(core, 'backups.create', {})
    const [stage] = await call<{ id: number }[]>(core, 'stages.list', {})
    await call(core, 'opportunities.create', { name: 'After the backup', stageId: stage!.id })
    vi.mocked(dialog.showOpenDialog).mockResolvedValueOnce({ canceled: false, filePaths: [backup.path] })
    const shown = answerMessageBoxes(0, 0)

    await restoreWorkspace(context)

    const [options] = vi.mocked(dialog.showOpenDialog).mock.calls[0]! as unknown as [OpenDialogOptions]
    expect(options.defaultPath).toBe(path.join(path.dirname(dbPath), 'backups'))
    expect(shown[0]).toMatchObject({ type: 'warning', message: 'Replace the workspace’s data with this backup?' })
    expect(shown[0]!.detail).toContain(`Backup: ${backup.path}\nOpportunities: 3`)
    expect(countOpportunities(core)).toBe(3)
    expect(context.afterSwitch).toHaveBeenCalledOnce()
    const keptAs = listBackups(dbPath).find((b) => b.kind === 'pre-restore')!
    expect(shown[1]).toMatchObject({ type: 'info', message: 'The backup was restored.' })
    expect(shown[1]!.detail).toContain(keptAs.path)
  })

  it('changes nothing when the user cancels the confirmation', async () => {
    const { context, core } = await openedWorkspace(3)
    const backup: { path: string } = await call(core, 'backups.create', {})
    await call(core, 'grid.delete', { entity: 'opportunity', rows: [{ id: 1, version: 1 }] })
    vi.mocked(dialog.showOpenDialog).mockResolvedValueOnce({ canceled: false, filePaths: [backup.path] })
    answerMessageBoxes(1)

    await restoreWorkspace(context)

    expect(core.db.prepare('SELECT count(*) FROM opportunities WHERE deleted_at IS NULL').pluck().get()).toBe(2)
    expect(context.afterSwitch).not.toHaveBeenCalled()
    expect(dialog.showMessageBox).toHaveBeenCalledOnce()
  })

  it('explains a damaged backup and restores nothing', async () => {
    const { dir, context, core } = await openedWorkspace(3)
    const damaged = path.join(dir, 'elsewhere.db')
    await makeWorkspaceFile(damaged, 30)
    damage(damaged)
    vi.mocked(dialog.showOpenDialog).mockResolvedValueOnce({ canceled: false, filePaths: [damaged] })
    const shown = answerMessageBoxes(0)

    await restoreWorkspace(context)

    expect(shown).toEqual([
      expect.objectContaining({
        type: 'error',
        message: 'The backup could not be restored',
        detail: 'The database file is damaged. It was not changed; you can restore a backup.',
      }),
    ])
    expect(countOpportunities(core)).toBe(3)
    expect(context.afterSwitch).not.toHaveBeenCalled()
  })
})

describe('opening a workspace that cannot be opened, at start', () => {
  it('offers the latest good backup, restores it in place, and keeps the damaged file aside', async () => {
    const dir = tempDir()
    const dbPath = path.join(dir, 'workspace.db')
    const backup = path.join(dir, 'backups', 'workspace.db.2026-03-01T09-00-00-000Z.daily.db')
    await makeWorkspaceFile(backup, 4)
    await makeWorkspaceFile(dbPath, 9)
    damage(dbPath)
    const damagedHash = sha256(dbPath)
    const workspace = new Workspace({ ownFolders: [dir], onEvent: vi.fn() })
    workspaces.push(workspace)
    const shown = answerMessageBoxes(0, 0)

    expect(await openAtStartup(workspace, dbPath, 'en')).toBe(true)

    expect(shown[0]!.buttons).toEqual([
      `Restore Latest Backup (${displayTime('2026-03-01T09:00:00.000Z')})`,
      'Open Another Workspace…',
      'Quit',
    ])
    expect(shown[0]!.detail).toBe('The database file is damaged. It was not changed; you can restore a backup.')
    expect(countOpportunities(workspace.current!)).toBe(4)
    const aside = fs.readdirSync(dir).find((name) => name.startsWith('workspace.set-aside-'))!
    expect(sha256(path.join(dir, aside))).toBe(damagedHash)
    expect(shown[1]!.detail).toContain(path.join(dir, aside))
  })

  it('offers no restore when there is no good backup, and quits when asked', async () => {
    const dir = tempDir()
    const dbPath = path.join(dir, 'workspace.db')
    await makeWorkspaceFile(dbPath, 2)
    damage(dbPath)
    const workspace = new Workspace({ ownFolders: [dir], onEvent: vi.fn() })
    const shown = answerMessageBoxes(1)

    expect(await openAtStartup(workspace, dbPath, 'zh-CN')).toBe(false)
    expect(shown[0]!.buttons).toEqual(['打开其他工作区…', '退出'])
    expect(fs.readdirSync(dir)).toEqual(['workspace.db'])
  })
})

describe('automatic backups', () => {
  it('checks for the daily backup at once and every hour; the core decides by its clock', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { dbPath, core } = await openedWorkspace(1)
    let now = new Date(2026, 4, 4, 9, 0)
    const clocked = { ...core, clock: () => now } as Core
    const dailies = () => listBackups(dbPath).filter((b) => b.kind === 'daily').length

    const stop = scheduleDailyBackups(() => clocked)
    await vi.waitFor(() => expect(dailies()).toBe(1))

    now = new Date(2026, 4, 4, 10, 0)
    vi.advanceTimersByTime(60 * 60 * 1000)
    now = new Date(2026, 4, 5, 0, 30)
    vi.advanceTimersByTime(60 * 60 * 1000)
    await vi.waitFor(() => expect(dailies()).toBe(2))

    stop()
    now = new Date(2026, 4, 6, 9, 0)
    vi.advanceTimersByTime(5 * 60 * 60 * 1000)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(dailies()).toBe(2)
  })

  it('takes a backup on quit, and quietly does nothing without a workspace', async () => {
    const { dbPath, core } = await openedWorkspace(2)
    await automaticBackup(core, 'quit')
    expect(listBackups(dbPath).map((b) => b.kind)).toEqual(['quit'])
    await expect(automaticBackup(null, 'quit')).resolves.toBeUndefined()
  })
})
