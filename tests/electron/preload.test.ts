import { contextBridge, ipcRenderer } from 'electron'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Bridge, MenuMessage } from '../../shared/client'
import { IpcChannels, type ReminderClick } from '../../shared/transport'

vi.mock('electron', async () => (await import('./fakes')).electronMock)

type ChannelListener = (event: unknown, message: unknown) => void

let bridge: Required<Bridge>
const channels = new Map<string, ChannelListener>()

/** Delivers a message from main on `channel`, as ipcRenderer would. */
function fromMain(channel: string, message: unknown): void {
  channels.get(channel)!({}, message)
}

beforeAll(async () => {
  await import('../../electron/preload/index')
  const [key, exposed] = vi.mocked(contextBridge.exposeInMainWorld).mock.calls[0]!
  expect(key).toBe('workbench')
  bridge = exposed as Required<Bridge>
  for (const [channel, listener] of vi.mocked(ipcRenderer.on).mock.calls) {
    channels.set(channel, listener as unknown as ChannelListener)
  }
})

describe('the preload bridge', () => {
  it('exposes its named functions and nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'onMenu', 'onReminderClick', 'pickOpenPath', 'pickSavePath'])
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function')
  })

  it('listens on the event, menu and reminder-click channels only', () => {
    expect([...channels.keys()].sort()).toEqual([IpcChannels.event, IpcChannels.menu, IpcChannels.reminderClick].sort())
  })

  it('sends invoke as one request on the invoke channel', async () => {
    vi.mocked(ipcRenderer.invoke).mockResolvedValueOnce({ ok: true, value: 1 })
    const answer = await bridge.invoke('app.info', {}, { locale: 'en' })
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IpcChannels.invoke, {
      method: 'app.info',
      input: {},
      meta: { locale: 'en' },
    })
    expect(answer).toEqual({ ok: true, value: 1 })
  })

  it('delivers each event to its own subscribers until they unsubscribe', () => {
    const changed = vi.fn()
    const progress = vi.fn()
    const stop = bridge.on('data-changed', changed)
    bridge.on('progress', progress)

    fromMain(IpcChannels.event, { event: 'data-changed', payload: { entities: ['task'], reason: 'create' } })
    stop()
    fromMain(IpcChannels.event, { event: 'data-changed', payload: { entities: ['task'], reason: 'again' } })

    expect(changed).toHaveBeenCalledExactlyOnceWith({ entities: ['task'], reason: 'create' })
    expect(progress).not.toHaveBeenCalled()
  })

  it('refuses to subscribe to events outside the contract', () => {
    expect(() => bridge.on('shell-exec' as never, vi.fn())).toThrow(TypeError)
  })

  it('ignores malformed frames from main', () => {
    const changed = vi.fn()
    bridge.on('data-changed', changed)
    fromMain(IpcChannels.event, null)
    fromMain(IpcChannels.event, { event: 'unknown', payload: 1 })
    expect(changed).not.toHaveBeenCalled()
  })

  it('passes menu commands from the contract, with a path when main picked one', () => {
    const listener = vi.fn()
    const stop = bridge.onMenu(listener)

    fromMain(IpcChannels.menu, { command: 'backup', path: '/backups/a.db' } satisfies MenuMessage)
    fromMain(IpcChannels.menu, { command: 'import' } satisfies MenuMessage)
    fromMain(IpcChannels.menu, { command: 'format-disk' })
    fromMain(IpcChannels.menu, { command: 'backup', path: 42 })
    stop()
    fromMain(IpcChannels.menu, { command: 'export' })

    expect(listener.mock.calls).toEqual([[{ command: 'backup', path: '/backups/a.db' }], [{ command: 'import' }]])
  })

  it('passes clicks on reminders as the contract shapes them, and nothing else', () => {
    const listener = vi.fn()
    const stop = bridge.onReminderClick(listener)

    fromMain(IpcChannels.reminderClick, { taskId: 7, entityType: 'opportunity', entityId: 42 } satisfies ReminderClick)
    fromMain(IpcChannels.reminderClick, { taskId: 8, entityType: null, entityId: null } satisfies ReminderClick)
    fromMain(IpcChannels.reminderClick, { taskId: 9, entityType: 'filesystem', entityId: 1 })
    fromMain(IpcChannels.reminderClick, { taskId: -1, entityType: 'lead', entityId: 1 })
    fromMain(IpcChannels.reminderClick, null)
    stop()
    fromMain(IpcChannels.reminderClick, { taskId: 10, entityType: 'lead', entityId: 3 } satisfies ReminderClick)

    expect(listener.mock.calls).toEqual([[{ taskId: 7, entityType: 'opportunity', entityId: 42 }], [{ taskId: 8, entityType: null, entityId: null }]])
  })
})
