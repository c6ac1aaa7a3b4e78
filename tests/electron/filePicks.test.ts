import path from 'node:path'
import { BrowserWindow, dialog, ipcMain, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IpcChannels } from '../../shared/transport'
import { AppContents } from '../../electron/main/appContents'
import { answerFilePick } from '../../electron/main/filePicks'
import { registerFilePickHandlers } from '../../electron/main/ipc'
import { FakeWebContents } from './fakes'

vi.mock('electron', async () => {
  const { electronMock } = await import('./fakes')
  return { ...electronMock, BrowserWindow: { fromWebContents: vi.fn() } }
})

const APP_URL = 'file:///app/out/renderer/index.html'
const DOCUMENTS = '/home/someone/Documents'
const parentWindow = { id: 'main-window' }

type PickListener = (event: unknown, request: unknown) => Promise<unknown>

function senderEvent(sender: FakeWebContents, frameUrl = APP_URL, parent: object | null = null) {
  return { sender, senderFrame: { url: frameUrl, parent } }
}

/** Registers the handlers with the real answer, a context that records allowed paths, and returns the listeners by channel. */
function setup() {
  vi.mocked(ipcMain.handle).mockClear()
  const contents = new AppContents()
  const allowed: string[] = []
  const context = { allow: (picked: string) => allowed.push(picked), documentsDir: DOCUMENTS }
  registerFilePickHandlers({ contents, isAppUrl: (url) => url.startsWith(APP_URL) }, (kind, sender, request) =>
    answerFilePick(context, sender, kind, request),
  )
  const listeners = new Map(vi.mocked(ipcMain.handle).mock.calls.map(([channel, listener]) => [channel, listener as unknown as PickListener]))
  const win = new FakeWebContents()
  contents.add(win as never)
  return { listeners, allowed, win }
}

beforeEach(() => {
  for (const fn of Object.values(dialog)) vi.mocked(fn).mockReset()
  vi.mocked(BrowserWindow.fromWebContents).mockReset()
  vi.mocked(BrowserWindow.fromWebContents).mockReturnValue(parentWindow as never)
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})

describe('file picks asked for by the window', () => {
  it('listens on the two contract channels', () => {
    expect([...setup().listeners.keys()].sort()).toEqual([IpcChannels.pickOpenPath, IpcChannels.pickSavePath].sort())
  })

  it('shows the open dialog on the sender’s window and allows the picked file', async () => {
    const { listeners, allowed, win } = setup()
    vi.mocked(dialog.showOpenDialog).mockResolvedValueOnce({ canceled: false, filePaths: ['/data/客户名单.xlsx'] })

    const picked = await listeners.get(IpcChannels.pickOpenPath)!(senderEvent(win), { title: '选择文件', extensions: ['xlsx', 'csv'] })

    expect(picked).toBe('/data/客户名单.xlsx')
    expect(allowed).toEqual(['/data/客户名单.xlsx'])
    expect(BrowserWindow.fromWebContents).toHaveBeenCalledWith(win)
    const [parent, options] = vi.mocked(dialog.showOpenDialog).mock.calls[0]! as unknown as [unknown, OpenDialogOptions]
    expect(parent).toBe(parentWindow)
    expect(options).toMatchObject({ title: '选择文件', defaultPath: DOCUMENTS, properties: ['openFile'] })
    expect(options.filters).toEqual([{ name: '*.xlsx, *.csv', extensions: ['xlsx', 'csv'] }])
  })

  it('proposes a safe file name in the documents folder for a save, and allows the chosen path', async () => {
    const { listeners, allowed, win } = setup()
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: false, filePath: '/out/商机.xlsx' })

    const picked = await listeners.get(IpcChannels.pickSavePath)!(senderEvent(win), {
      title: 'Export',
      extensions: ['xlsx'],
      suggestedName: '../商机:2026.xlsx',
    })

    expect(picked).toBe('/out/商机.xlsx')
    expect(allowed).toEqual(['/out/商机.xlsx'])
    const [, options] = vi.mocked(dialog.showSaveDialog).mock.calls[0]! as unknown as [unknown, SaveDialogOptions]
    expect(options.defaultPath).toBe(path.join(DOCUMENTS, '_商机_2026.xlsx'))
  })

  it('allows nothing when the user cancels', async () => {
    const { listeners, allowed, win } = setup()
    vi.mocked(dialog.showOpenDialog).mockResolvedValueOnce({ canceled: true, filePaths: [] })
    vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: true, filePath: '' })

    expect(await listeners.get(IpcChannels.pickOpenPath)!(senderEvent(win), { title: 'a', extensions: ['csv'] })).toBeNull()
    expect(await listeners.get(IpcChannels.pickSavePath)!(senderEvent(win), { title: 'a', extensions: ['csv'] })).toBeNull()
    expect(allowed).toEqual([])
  })

  it('shows no dialog for a malformed request', async () => {
    const { listeners, win } = setup()
    const open = listeners.get(IpcChannels.pickOpenPath)!
    for (const request of [null, 'x.csv', { title: 'a', extensions: ['../x'] }, { title: 'a', extensions: [] }, { title: 'a', extensions: ['csv'], defaultPath: '/etc' }]) {
      expect(await open(senderEvent(win), request)).toBeNull()
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled()
  })

  it('ignores senders that are not the app’s own top frame', async () => {
    const { listeners, allowed, win } = setup()
    const request = { title: 'a', extensions: ['csv'] }
    const open = listeners.get(IpcChannels.pickOpenPath)!

    expect(await open(senderEvent(new FakeWebContents()), request)).toBeUndefined()
    expect(await open(senderEvent(win, 'https://evil.example/'), request)).toBeUndefined()
    expect(await open(senderEvent(win, APP_URL, { url: APP_URL }), request)).toBeUndefined()
    expect(await listeners.get(IpcChannels.pickSavePath)!(senderEvent(new FakeWebContents()), request)).toBeUndefined()
    expect(dialog.showOpenDialog).not.toHaveBeenCalled()
    expect(dialog.showSaveDialog).not.toHaveBeenCalled()
    expect(allowed).toEqual([])
  })
})
