import type { Bridge } from '../../../shared/client'
import type { Envelope } from '../../../shared/envelope'
import { errorMessage } from '../../../shared/errors'
import { EntityType, Locale } from '../../../shared/enums'
import type { EventName } from '../../../shared/events'
import { WebRoutes, type EventFrame, type InvokeRequest } from '../../../shared/transport'

type Listener = (payload: unknown) => void

const RECONNECT_MIN_MS = 500
const RECONNECT_MAX_MS = 10_000

/**
 * The web host's transport: one POST per call and one WebSocket for push
 * events, reconnecting with backoff. The socket opens on the first subscription.
 */
export function createHttpBridge(origin: string): Bridge {
  const listeners = new Map<EventName, Set<Listener>>()
  let socket: WebSocket | null = null
  let connectedBefore = false
  let retryDelay = RECONNECT_MIN_MS

  function dispatch(event: string, payload: unknown): void {
    for (const listener of listeners.get(event as EventName) ?? []) listener(payload)
  }

  function connect(): void {
    const url = new URL(WebRoutes.events, origin)
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
    socket = new WebSocket(url)
    socket.onopen = () => {
      retryDelay = RECONNECT_MIN_MS
      // Events sent while we were away are lost, so every reader refetches once.
      if (connectedBefore) dispatch('data-changed', { entities: EntityType.options, reason: 'reconnected' })
      connectedBefore = true
    }
    socket.onmessage = (message) => {
      const frame = parseFrame(message.data)
      if (frame) dispatch(frame.event, frame.payload)
    }
    socket.onclose = () => {
      socket = null
      setTimeout(connect, retryDelay)
      retryDelay = Math.min(retryDelay * 2, RECONNECT_MAX_MS)
    }
  }

  return {
    async invoke(method, input, meta) {
      const body: InvokeRequest = { method, input, meta }
      try {
        const response = await fetch(new URL(WebRoutes.invoke, origin), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
        return (await response.json()) as Envelope<unknown>
      } catch {
        return unreachable(meta)
      }
    },
    on(event, listener) {
      if (!socket) connect()
      const set = listeners.get(event) ?? new Set<Listener>()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  }
}

function parseFrame(data: unknown): EventFrame | null {
  if (typeof data !== 'string') return null
  try {
    const frame = JSON.parse(data) as Partial<EventFrame>
    return typeof frame.event === 'string' ? { event: frame.event, payload: frame.payload } : null
  } catch {
    return null
  }
}

/** A dropped connection answers like the server would, so callers handle one shape. */
function unreachable(meta: unknown): Envelope<unknown> {
  const locale = Locale.safeParse((meta as { locale?: unknown } | null)?.locale)
  return {
    ok: false,
    error: { code: 'INTERNAL', message: errorMessage('INTERNAL', locale.success ? locale.data : 'zh-CN') },
  }
}
