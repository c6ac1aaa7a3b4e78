import type { z } from 'zod'
import { Notification } from './methods/loop/agenda'

/**
 * The web host's wire protocol. The renderer's HTTP bridge and the server
 * import these names so that neither side spells a route by hand.
 */
export const WebRoutes = {
  /** POST {method, input, meta} → Envelope (always HTTP 200 once the body parsed). */
  invoke: '/api/invoke',
  /** WebSocket; the server sends {event, payload} frames. */
  events: '/api/events',
  /** POST a file's raw bytes with its name in `x-file-name` → {path} to pass to imports.* (same-origin only). */
  upload: '/api/upload',
  /** GET ?name=FILE → a file an export wrote into the workspace's exports folder. */
  download: '/api/download',
} as const

export interface InvokeRequest {
  method: string
  input: unknown
  meta: unknown
}

export interface EventFrame {
  event: string
  payload: unknown
}

/** The IPC channel names used by the Electron preload and main process. */
export const IpcChannels = {
  invoke: 'workbench:invoke',
  event: 'workbench:event',
  /** Main → renderer: a menu command such as "import" or "backup". */
  menu: 'workbench:menu',
  /** Renderer → main: show a native open / save dialog, answer the picked path. */
  pickOpenPath: 'workbench:pick-open-path',
  pickSavePath: 'workbench:pick-save-path',
  /** Main → renderer: the person clicked a reminder's desktop notification; open its record. */
  reminderClick: 'workbench:reminder-click',
} as const

/** Commands the app menu sends to the window. */
export const MenuCommands = ['new-workspace', 'open-workspace', 'import', 'export', 'backup', 'load-demo', 'about'] as const
export type MenuCommand = (typeof MenuCommands)[number]

/** What main sends when a reminder's desktop notification is clicked: the reminder and the record it is about. */
export const ReminderClick = Notification.pick({ taskId: true, entityType: true, entityId: true }).strict()
export type ReminderClick = z.infer<typeof ReminderClick>
