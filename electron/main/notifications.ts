import { Notification, type BrowserWindow } from 'electron'
import type { Locale } from '../../shared/enums'
import type { Notification as Reminder } from '../../shared/methods/loop'
import { IpcChannels, type ReminderClick } from '../../shared/transport'
import { dispatch, type Core } from '../core'
import { focusWindow } from './window'

/** How often main asks the core for reminders that fell due; the automatic rules run every few minutes. */
export const REMINDER_CHECK_EVERY_MS = 60_000
const FIRST_CHECK_DELAY_MS = 20_000

export interface ReminderNotificationsOptions {
  currentCore(): Core | null
  window(): BrowserWindow | null
  locale(): Locale
  everyMs?: number
  firstDelayMs?: number
}

export interface ReminderNotifications {
  /** Asks for due reminders now and shows the ones not shown yet. */
  check(): Promise<void>
  stop(): void
}

/**
 * Desktop notifications for due reminders: each unseen task of the current
 * user shows once per app session; clicking one brings the window forward
 * and asks it to open the reminder's record.
 */
export function startReminderNotifications(options: ReminderNotificationsOptions): ReminderNotifications {
  const shown = new Set<string>()

  const check = async () => {
    const core = options.currentCore()
    if (!core || !Notification.isSupported()) return
    const answer = await dispatch(core, 'notifications.list', {}, { locale: options.locale(), userId: null })
    // No current user yet, or a workspace closing: nothing to show.
    if (!answer.ok) return
    for (const reminder of (answer.value as { items: Reminder[] }).items) {
      const key = `${core.dbPath}#${reminder.taskId}`
      if (shown.has(key)) continue
      shown.add(key)
      show(reminder)
    }
  }

  const show = (reminder: Reminder) => {
    const notification = new Notification({ title: reminder.title, body: reminder.dueDate ?? '', silent: reminder.priority !== 'high' })
    notification.on('click', () => {
      const win = options.window()
      if (!win || win.isDestroyed()) return
      focusWindow(win)
      const click: ReminderClick = { taskId: reminder.taskId, entityType: reminder.entityType, entityId: reminder.entityId }
      win.webContents.send(IpcChannels.reminderClick, click)
    })
    notification.show()
  }

  const tick = () => void check().catch((err: unknown) => console.error('[workbench] reminder check failed:', err))
  let interval: NodeJS.Timeout | undefined
  const first = setTimeout(() => {
    tick()
    interval = setInterval(tick, options.everyMs ?? REMINDER_CHECK_EVERY_MS)
  }, options.firstDelayMs ?? FIRST_CHECK_DELAY_MS)

  return {
    check,
    stop() {
      clearTimeout(first)
      clearInterval(interval)
    },
  }
}
