import { contextBridge, ipcRenderer } from 'electron'
import type { Bridge, FilePickOptions, MenuMessage } from '../../shared/client'
import { EventNames, type EventName } from '../../shared/events'
import { IpcChannels, MenuCommands, ReminderClick, type EventFrame, type InvokeRequest } from '../../shared/transport'

/**
 * The window's only way out: named functions on `window.workbench`.
 * No ipcRenderer, no channel names and no Node objects cross into the page.
 * This file runs sandboxed, so it is bundled into one script with everything
 * it imports except 'electron'.
 */

const eventListeners = new Map<EventName, Set<(payload: unknown) => void>>()
const menuListeners = new Set<(message: MenuMessage) => void>()
const reminderListeners = new Set<(reminder: ReminderClick) => void>()

// One IPC listener per channel, fanned out here, however many subscribers the page has.
ipcRenderer.on(IpcChannels.event, (_event, frame: EventFrame) => {
  const listeners = eventListeners.get(frame?.event as EventName)
  for (const listener of listeners ?? []) listener(frame.payload)
})

ipcRenderer.on(IpcChannels.menu, (_event, message: MenuMessage) => {
  if (!isMenuMessage(message)) return
  for (const listener of menuListeners) listener(message)
})

ipcRenderer.on(IpcChannels.reminderClick, (_event, message: unknown) => {
  const reminder = ReminderClick.safeParse(message)
  if (!reminder.success) return
  for (const listener of reminderListeners) listener(reminder.data)
})

function isMenuMessage(message: unknown): message is MenuMessage {
  const { command, path } = (message ?? {}) as Partial<Record<keyof MenuMessage, unknown>>
  return MenuCommands.includes(command as MenuMessage['command']) && (path === undefined || typeof path === 'string')
}

function isEventName(name: unknown): name is EventName {
  return EventNames.includes(name as EventName)
}

const bridge: Required<Bridge> = {
  invoke(method, input, meta) {
    const request: InvokeRequest = { method, input, meta }
    return ipcRenderer.invoke(IpcChannels.invoke, request)
  },
  on(event, listener) {
    // The page can pass anything through the bridge; only the contract's events are subscribable.
    if (!isEventName(event)) throw new TypeError(`Unknown workbench event: ${String(event)}`)
    if (typeof listener !== 'function') throw new TypeError('listener must be a function')
    const listeners = eventListeners.get(event) ?? new Set()
    eventListeners.set(event, listeners)
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
  onMenu(listener) {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function')
    menuListeners.add(listener)
    return () => {
      menuListeners.delete(listener)
    }
  },
  onReminderClick(listener) {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function')
    reminderListeners.add(listener)
    return () => {
      reminderListeners.delete(listener)
    }
  },
  pickOpenPath(options: FilePickOptions) {
    return ipcRenderer.invoke(IpcChannels.pickOpenPath, options)
  },
  pickSavePath(options: FilePickOptions) {
    return ipcRenderer.invoke(IpcChannels.pickSavePath, options)
  },
}

contextBridge.exposeInMainWorld('workbench', bridge)
