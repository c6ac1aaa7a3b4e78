import { ApiError } from './errors'
import type { MethodName, MethodOutput } from './api'

/**
 * Results cross every boundary as envelopes, because Electron's IPC keeps
 * only `message` from a thrown error.
 */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export type Result<M extends MethodName> = Envelope<MethodOutput<M>>

export { ApiError }
