import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api'
import type { Bridge, TypedBridge } from '../../../shared/client'
import type { EventName, EventPayload } from '../../../shared/events'
import { ApiCallError } from './ApiCallError'
import { getCallMeta } from './callMeta'
import { createHttpBridge } from './httpBridge'

/** Electron's preload when present, otherwise the web host this page came from. */
function pickBridge(): Bridge {
  return window.workbench ?? createHttpBridge(window.location.origin)
}

// The contract types both ends; the bridge itself only moves JSON.
const bridge = pickBridge() as unknown as TypedBridge

export const api = {
  /** Calls one API method; resolves with its value or throws an ApiCallError. */
  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const envelope = await bridge.invoke(method, input, getCallMeta())
    if (!envelope.ok) throw new ApiCallError(envelope.error)
    return envelope.value
  },
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge.on(event, listener)
}
