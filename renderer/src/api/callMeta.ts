import type { CallMeta } from '../../../shared/api'

/**
 * Who is calling and in which language: kept outside React so every call,
 * from any hook or handler, carries the latest values.
 */
let current: CallMeta = { locale: 'zh-CN', userId: null }

export function setCallMeta(next: Partial<CallMeta>): void {
  current = { ...current, ...next }
}

export function getCallMeta(): CallMeta {
  return current
}
