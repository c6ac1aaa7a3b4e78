import type { MethodInput, MethodName, MethodOutput } from './api'
import type { Envelope } from './envelope'
import type { EventName, EventPayload } from './events'
import type { MenuCommand, ReminderClick } from './transport'

/** What the Electron menu tells the window; `path` is set when main already asked for a file (backup). */
export interface MenuMessage {
  command: MenuCommand
  path?: string
}

/**
 * What every transport gives the renderer: the preload in Electron, the
 * HTTP/WebSocket bridge in the web host. The renderer cannot tell them apart.
 */
export interface Bridge {
  invoke(method: string, input: unknown, meta: unknown): Promise<Envelope<unknown>>
  on(event: EventName, listener: (payload: unknown) => void): () => void
  /** Menu commands; only the Electron preload has a menu, so other bridges leave it out. */
  onMenu?(listener: (message: MenuMessage) => void): () => void
  /** Clicks on reminders' desktop notifications (Electron only). */
  onReminderClick?(listener: (reminder: ReminderClick) => void): () => void
  /** Native dialogs (Electron only): the picked path, already allowed by the path guard, or null when cancelled. */
  pickOpenPath?(options: FilePickOptions): Promise<string | null>
  pickSavePath?(options: FilePickOptions): Promise<string | null>
}

/** What a file dialog shows: its title, the file types it offers, and (save dialogs) the proposed name. */
export interface FilePickOptions {
  title: string
  /** Without dots: ['xlsx', 'csv']. */
  extensions: string[]
  suggestedName?: string
}

/** A bridge narrowed by the contract: method names, inputs and outputs typed. */
export interface TypedBridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>, meta: unknown): Promise<Envelope<MethodOutput<M>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
