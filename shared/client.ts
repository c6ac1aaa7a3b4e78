import type { MethodInput, MethodName, MethodOutput } from './api'
import type { Envelope } from './envelope'
import type { EventName, EventPayload } from './events'
import type { MenuCommand } from './transport'

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
}

/** A bridge narrowed by the contract: method names, inputs and outputs typed. */
export interface TypedBridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>, meta: unknown): Promise<Envelope<MethodOutput<M>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
