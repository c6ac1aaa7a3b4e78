import { ipcMain } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IpcChannels } from '../../shared/transport'
import { dispatch, type Core } from '../../electron/core'
import { AppContents } from '../../electron/main/appContents'
import { broadcastEvent, registerInvokeHandler, sendMenuMessage } from '../../electron/main/ipc'
import { FakeWebContents } from './fakes'

vi.mock('electron', async () => (await import('./fakes')).electronMock)
vi.mock('../../electron/core', () => ({ dispatch: vi.fn() }))

const APP_URL = 'file:///app/out/renderer/index.html'
const core = { dbPath: '/data/workspace.db' } as Core
const okEnvelope = { ok: true, value: { surface: 'electron' } }

type InvokeListener = (event: unknown, request: unknown) => Promise<unknown>

/** Registers the handler against a fresh registry and returns what ipcMain.handle received. */
function setup(currentCore: Core | null = core) {
  vi.mocked(ipcMain.handle).mockClear()
  const contents = new AppContents()
  registerInvokeHandler({ contents, isAppUrl: (url) => url.startsWith(APP_URL), currentCore: () => currentCore })
  const [channel, listener] = vi.mocked(ipcMain.handle).mock.calls[0]!
  return { contents, channel, invoke: listener as unknown as InvokeListener }
}

function senderEvent(sender: FakeWebContents, frameUrl: string, parent: object | null = null) {
  return { sender, senderFrame: { url: frameUrl, parent } }
}

const request = { method: 'app.info', input: {}, meta: { locale: 'en' } }

beforeEach(() => {
  vi.mocked(dispatch).mockReset()
  vi.mocked(dispatch).mockResolvedValue(okEnvelope as never)
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})

describe('the invoke handler', () => {
  it('listens on the contract channel', () => {
    expect(setup().channel).toBe(IpcChannels.invoke)
  })

  it('dispatches a call from the app window to the core', async () => {
    const { contents, invoke } = setup()
    const win = new FakeWebContents()
    contents.add(win as never)

    const answer = await invoke(senderEvent(win, `${APP_URL}#/pipeline`), request)

    expect(dispatch).toHaveBeenCalledExactlyOnceWith(core, 'app.info', {}, { locale: 'en' })
    expect(answer).toEqual(okEnvelope)
  })

  it('ignores a webContents the app did not create', async () => {
    const { contents, invoke } = setup()
    contents.add(new FakeWebContents() as never)
    const stranger = new FakeWebContents()

    expect(await invoke(senderEvent(stranger, APP_URL), request)).toBeUndefined()
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('ignores the app window once it shows a foreign page', async () => {
    const { contents, invoke } = setup()
    const win = new FakeWebContents()
    contents.add(win as never)

    expect(await invoke(senderEvent(win, 'https://evil.example/'), request)).toBeUndefined()
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('ignores a subframe and a frame that is already gone', async () => {
    const { contents, invoke } = setup()
    const win = new FakeWebContents()
    contents.add(win as never)

    expect(await invoke(senderEvent(win, APP_URL, { url: APP_URL }), request)).toBeUndefined()
    expect(await invoke({ sender: win, senderFrame: null }, request)).toBeUndefined()
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('forgets a window once it is destroyed', async () => {
    const { contents, invoke } = setup()
    const win = new FakeWebContents()
    contents.add(win as never)
    win.destroy()

    expect(await invoke(senderEvent(win, APP_URL), request)).toBeUndefined()
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('passes a malformed request on for the core to reject', async () => {
    const { contents, invoke } = setup()
    const win = new FakeWebContents()
    contents.add(win as never)

    await invoke(senderEvent(win, APP_URL), 'app.info')

    expect(dispatch).toHaveBeenCalledExactlyOnceWith(core, undefined, undefined, undefined)
  })

  it('answers DB_BUSY in the caller’s language while workspaces are being swapped', async () => {
    const { contents, invoke } = setup(null)
    const win = new FakeWebContents()
    contents.add(win as never)

    const answer = (await invoke(senderEvent(win, APP_URL), request)) as { ok: boolean; error: { code: string; message: string } }

    expect(answer.ok).toBe(false)
    expect(answer.error.code).toBe('DB_BUSY')
    expect(answer.error.message).toMatch(/busy/)
    expect(dispatch).not.toHaveBeenCalled()
  })
})

describe('broadcastEvent', () => {
  it('sends core events to the app’s live windows only', () => {
    const contents = new AppContents()
    const first = new FakeWebContents()
    const second = new FakeWebContents()
    const closed = new FakeWebContents()
    const stranger = new FakeWebContents()
    for (const win of [first, second, closed]) contents.add(win as never)
    closed.destroy()

    const payload = { entities: ['opportunity'], reason: 'update' }
    broadcastEvent(contents, 'data-changed', payload)

    for (const win of [first, second]) {
      expect(win.send).toHaveBeenCalledExactlyOnceWith(IpcChannels.event, { event: 'data-changed', payload })
    }
    expect(closed.send).not.toHaveBeenCalled()
    expect(stranger.send).not.toHaveBeenCalled()
  })
})

describe('sendMenuMessage', () => {
  it('uses the menu channel', () => {
    const win = new FakeWebContents()
    sendMenuMessage(win as never, { command: 'backup', path: '/backups/a.db' })
    expect(win.send).toHaveBeenCalledExactlyOnceWith(IpcChannels.menu, { command: 'backup', path: '/backups/a.db' })
  })
})
