import { afterEach, describe, expect, it, vi } from 'vitest'
import { startReminderNotifications } from '../../electron/main/notifications'
import { IpcChannels } from '../../shared/transport'
import { openWorkspace } from '../helpers/workspace'
import { addUser } from '../loop/helpers'

/** Electron's Notification: records what was shown so the test can read and click it. */
const { FakeNotification } = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')
  class FakeNotification extends EventEmitter {
    static shown: FakeNotification[] = []
    static supported = true
    static isSupported() {
      return FakeNotification.supported
    }
    constructor(readonly options: { title: string; body: string; silent: boolean }) {
      super()
    }
    show() {
      FakeNotification.shown.push(this)
    }
  }
  return { FakeNotification }
})

vi.mock('electron', async () => ({ ...(await import('./fakes')).electronMock, Notification: FakeNotification, BrowserWindow: class {}, screen: {} }))

afterEach(() => {
  FakeNotification.shown = []
  FakeNotification.supported = true
})

async function workspaceWithDueReminder() {
  const ws = await openWorkspace({ now: () => new Date('2026-11-20T08:00:00.000Z') })
  const rep = addUser(ws, '李娜')
  await ws.call('settings.update', { currentUserId: rep })
  const task = await ws.call('tasks.create', { title: '回访华南物流', dueDate: '2026-11-20', assigneeId: rep, priority: 'high' })
  await ws.call('tasks.create', { title: '下周的事', dueDate: '2026-11-27', assigneeId: rep })
  return { ws, rep, task }
}

describe('desktop notifications for due reminders', () => {
  it('shows each due reminder once; a click brings the window forward and asks it to open the record', async () => {
    const { ws, task } = await workspaceWithDueReminder()
    const send = vi.fn()
    const win = { isMinimized: () => true, isDestroyed: () => false, restore: vi.fn(), show: vi.fn(), focus: vi.fn(), webContents: { send } }
    const notifications = startReminderNotifications({
      currentCore: () => ws.core,
      window: () => win as never,
      locale: () => 'zh-CN',
      firstDelayMs: 3_600_000,
    })
    try {
      await notifications.check()
      expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['回访华南物流'])
      expect(FakeNotification.shown[0]!.options.silent).toBe(false)

      await notifications.check()
      expect(FakeNotification.shown).toHaveLength(1)

      FakeNotification.shown[0]!.emit('click')
      expect(win.restore).toHaveBeenCalled()
      expect(win.focus).toHaveBeenCalled()
      expect(send).toHaveBeenCalledExactlyOnceWith(IpcChannels.reminderClick, { taskId: task.id, entityType: null, entityId: null })
    } finally {
      notifications.stop()
    }
  })

  it('shows nothing once the reminder is seen, without a workspace, or where the OS has no notifications', async () => {
    const { ws, task } = await workspaceWithDueReminder()
    let core: typeof ws.core | null = null
    const notifications = startReminderNotifications({ currentCore: () => core, window: () => null, locale: () => 'en', firstDelayMs: 3_600_000 })
    try {
      await notifications.check()
      FakeNotification.supported = false
      core = ws.core
      await notifications.check()
      FakeNotification.supported = true
      await ws.call('notifications.markSeen', { taskIds: [task.id] })
      await notifications.check()
      expect(FakeNotification.shown).toHaveLength(0)
    } finally {
      notifications.stop()
    }
  })
})
