import path from 'node:path'
import { dialog, type MessageBoxOptions, type SaveDialogOptions } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { dispatch, openCore, type Core } from '../../electron/core'
import { EventBus } from '../../electron/core/events'
import { failureCode, Workspace } from '../../electron/main/workspace'
import { backupWorkspace, fileStamp } from '../../electron/main/backupFlows'
import { openAtStartup, openWorkspace, type FlowContext } from '../../electron/main/workspaceFlows'
import { FakeWebContents } from './fakes'

vi.mock('electron', async () => (await import('./fakes')).electronMock)
vi.mock('../../electron/core', () => ({ openCore: vi.fn(), dispatch: vi.fn() }))

class CoreOpenError extends Error {
  constructor(readonly code: string) {
    super(code)
  }
}

interface FakeCore {
  dbPath: string
  events: EventBus
  paths: { allow: ReturnType<typeof vi.fn> }
  close: ReturnType<typeof vi.fn>
}

const opened: FakeCore[] = []

/** openCore succeeds for any path except those listed in `failing`, which throw their code. */
function fakeOpenCore(failing: Record<string, string> = {}) {
  vi.mocked(openCore).mockImplementation(async ({ dbPath }) => {
    const code = failing[dbPath]
    if (code) throw new CoreOpenError(code)
    const core: FakeCore = { dbPath: path.resolve(dbPath), events: new EventBus(), paths: { allow: vi.fn() }, close: vi.fn() }
    opened.push(core)
    return core as unknown as Core
  })
}

function newWorkspace(onEvent = vi.fn()) {
  return new Workspace({ ownFolders: ['/home/ana/.config/wb'], onEvent })
}

beforeEach(() => {
  opened.length = 0
  vi.mocked(openCore).mockReset()
  vi.mocked(dispatch).mockReset()
  for (const fn of Object.values(dialog)) vi.mocked(fn).mockReset()
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

describe('Workspace', () => {
  it('opens a core for the electron surface with the app folders and dialog-only paths', async () => {
    fakeOpenCore()
    await newWorkspace().open('/data/a.db')
    expect(openCore).toHaveBeenCalledExactlyOnceWith({
      dbPath: '/data/a.db',
      surface: 'electron',
      ownFolders: ['/home/ana/.config/wb'],
      trustAllPaths: false,
    })
  })

  it('closes the previous workspace only after the next one opened', async () => {
    fakeOpenCore({ '/data/broken.db': 'DB_CORRUPT' })
    const workspace = newWorkspace()
    await workspace.open('/data/a.db')
    const first = opened[0]!

    await expect(workspace.open('/data/broken.db')).rejects.toMatchObject({ code: 'DB_CORRUPT' })
    expect(first.close).not.toHaveBeenCalled()
    expect(workspace.current).toBe(first)

    await workspace.open('/data/b.db')
    expect(first.close).toHaveBeenCalledOnce()
    expect(workspace.current?.dbPath).toBe(path.resolve('/data/b.db'))
  })

  it('keeps dialog-picked paths across a swap', async () => {
    fakeOpenCore()
    const workspace = newWorkspace()
    await workspace.open('/data/a.db')
    workspace.allow('/exports/q1.xlsx')
    expect(opened[0]!.paths.allow).toHaveBeenCalledWith('/exports/q1.xlsx')

    await workspace.open('/data/b.db')
    expect(opened[1]!.paths.allow).toHaveBeenCalledWith('/exports/q1.xlsx')
  })

  it('forwards events from the open core only', async () => {
    fakeOpenCore()
    const onEvent = vi.fn()
    const workspace = newWorkspace(onEvent)
    await workspace.open('/data/a.db')
    await workspace.open('/data/b.db')
    const [old, current] = opened

    old!.events.emit('data-changed', { entities: ['lead'], reason: 'stale' })
    current!.events.emit('data-changed', { entities: ['lead'], reason: 'fresh' })

    expect(onEvent).toHaveBeenCalledExactlyOnceWith('data-changed', { entities: ['lead'], reason: 'fresh' })
  })
})

describe('failureCode', () => {
  it('keeps the contract codes and turns anything else into INTERNAL', () => {
    expect(failureCode(new CoreOpenError('DB_NEWER_VERSION'))).toBe('DB_NEWER_VERSION')
    expect(failureCode(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('INTERNAL')
    expect(failureCode('boom')).toBe('INTERNAL')
    expect(failureCode(null)).toBe('INTERNAL')
  })
})

describe('openAtStartup', () => {
  it('opens the first path when it can', async () => {
    fakeOpenCore()
    expect(await openAtStartup(newWorkspace(), '/data/a.db', 'en')).toBe(true)
    expect(dialog.showMessageBox).not.toHaveBeenCalled()
  })

  it('explains a failure in the user’s language and opens the file they pick instead', async () => {
    fakeOpenCore({ '/data/newer.db': 'DB_NEWER_VERSION' })
    vi.mocked(dialog.showMessageBox).mockResolvedValueOnce({ response: 0, checkboxChecked: false })
    vi.mocked(dialog.showOpenDialog).mockResolvedValueOnce({ canceled: false, filePaths: ['/data/other.db'] })
    const workspace = newWorkspace()

    expect(await openAtStartup(workspace, '/data/newer.db', 'zh-CN')).toBe(true)

    const [options] = vi.mocked(dialog.showMessageBox).mock.calls[0]! as unknown as [MessageBoxOptions]
    expect(options.detail).toBe('该数据库由更新版本的商机工作台创建，请升级后再打开。文件未被修改。')
    expect(options.buttons).toEqual(['打开其他工作区…', '退出'])
    expect(workspace.current?.dbPath).toBe(path.resolve('/data/other.db'))
    expect(opened[0]!.paths.allow).toHaveBeenCalledWith('/data/other.db')
  })

  it('returns to the failure dialog when the open dialog is cancelled, and quits when asked', async () => {
    fakeOpenCore({ '/data/bad.db': 'DB_NOT_WORKBENCH' })
    vi.mocked(dialog.showMessageBox)
      .mockResolvedValueOnce({ response: 0, checkboxChecked: false })
      .mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    vi.mocked(dialog.showOpenDialog).mockResolvedValueOnce({ canceled: true, filePaths: [] })

    expect(await openAtStartup(newWorkspace(), '/data/bad.db', 'en')).toBe(false)
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2)
    expect(openCore).toHaveBeenCalledOnce()
  })
})

describe('menu flows', () => {
  function context(workspace: Workspace, win: { webContents: FakeWebContents } | null): FlowContext {
    return {
      workspace,
      window: () => win as never,
      locale: () => 'en',
      documentsDir: '/home/ana/Documents',
      afterSwitch: vi.fn(),
    }
  }

  it('Open Workspace switches to the picked file and shows it', async () => {
    fakeOpenCore()
    const workspace = newWorkspace()
    await workspace.open('/data/a.db')
    const flows = context(workspace, { webContents: new FakeWebContents() })
    vi.mocked(dialog.showOpenDialog).mockResolvedValueOnce({ canceled: false, filePaths: ['/data/b.db'] })

    await openWorkspace(flows)

    expect(workspace.current?.dbPath).toBe(path.resolve('/data/b.db'))
    expect(flows.afterSwitch).toHaveBeenCalledOnce()
  })

  it('Open Workspace keeps the current workspace when the picked file fails', async () => {
    fakeOpenCore({ '/data/corrupt.db': 'DB_CORRUPT' })
    const workspace = newWorkspace()
    await workspace.open('/data/a.db')
    const flows = context(workspace, { webContents: new FakeWebContents() })
    vi.mocked(dialog.showOpenDialog).mockResolvedValueOnce({ canceled: false, filePaths: ['/data/corrupt.db'] })
    vi.mocked(dialog.showMessageBox).mockResolvedValueOnce({ response: 0, checkboxChecked: false })

    await openWorkspace(flows)

    expect(workspace.current?.dbPath).toBe(path.resolve('/data/a.db'))
    expect(opened[0]!.close).not.toHaveBeenCalled()
    expect(flows.afterSwitch).not.toHaveBeenCalled()
    expect(dialog.showMessageBox).toHaveBeenCalledOnce()
  })

  it('Back Up allows the picked path and runs the backup in main, then says where it is', async () => {
    fakeOpenCore()
    const workspace = newWorkspace()
    await workspace.open('/data/a.db')
    const win = { webContents: new FakeWebContents() }
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: false, filePath: '/backups/a.db' })
    vi.mocked(dispatch).mockResolvedValueOnce({ ok: true, value: { path: '/backups/a.db' } })
    vi.mocked(dialog.showMessageBox).mockResolvedValueOnce({ response: 0, checkboxChecked: false })

    await backupWorkspace(context(workspace, win), new Date(2025, 2, 7, 14, 5))

    const [, options] = vi.mocked(dialog.showSaveDialog).mock.calls[0]! as unknown as [unknown, SaveDialogOptions]
    expect(options.defaultPath).toBe(path.join('/home/ana/Documents', 'workbench-backup-20250307-1405.db'))
    expect(opened[0]!.paths.allow).toHaveBeenCalledWith('/backups/a.db')
    expect(dispatch).toHaveBeenCalledExactlyOnceWith(opened[0], 'backups.create', { path: '/backups/a.db' }, { locale: 'en', userId: null })
    const [, notice] = vi.mocked(dialog.showMessageBox).mock.calls[0]! as unknown as [unknown, MessageBoxOptions]
    expect(notice).toMatchObject({ type: 'info', message: 'The backup was saved.', detail: '/backups/a.db' })
    expect(win.webContents.send).not.toHaveBeenCalled()
  })

  it('Back Up shows the core’s sentence when the backup fails', async () => {
    fakeOpenCore()
    const workspace = newWorkspace()
    await workspace.open('/data/a.db')
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: false, filePath: '/full/a.db' })
    const message = 'The disk is full; nothing was saved. Saved data is safe.'
    vi.mocked(dispatch).mockResolvedValueOnce({ ok: false, error: { code: 'DISK_FULL', message } })
    vi.mocked(dialog.showMessageBox).mockResolvedValueOnce({ response: 0, checkboxChecked: false })

    await backupWorkspace(context(workspace, { webContents: new FakeWebContents() }), new Date())

    const [, notice] = vi.mocked(dialog.showMessageBox).mock.calls[0]! as unknown as [unknown, MessageBoxOptions]
    expect(notice).toMatchObject({ type: 'error', message: 'The backup was not made', detail: message })
  })

  it('Back Up does nothing when the dialog is cancelled', async () => {
    fakeOpenCore()
    const workspace = newWorkspace()
    await workspace.open('/data/a.db')
    const win = { webContents: new FakeWebContents() }
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: true, filePath: '' })

    await backupWorkspace(context(workspace, win), new Date())

    expect(opened[0]!.paths.allow).not.toHaveBeenCalled()
    expect(dispatch).not.toHaveBeenCalled()
  })
})

describe('fileStamp', () => {
  it('formats local time compactly', () => {
    expect(fileStamp(new Date(2025, 0, 2, 3, 4))).toBe('20250102-0304')
  })
})
