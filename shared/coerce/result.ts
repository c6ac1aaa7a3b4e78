import type { CoerceReason } from './reasons'

/** What every coercer returns: a value, or a stable reason the import report can group by. */
export type Coerced<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: CoerceReason }

export const ok = <T>(value: T): Coerced<T> => ({ ok: true, value })
export const fail = <T = never>(reason: CoerceReason): Coerced<T> => ({ ok: false, reason })
