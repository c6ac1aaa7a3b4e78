import type { CustomField } from '../../../../../shared/entities'

/**
 * The workspace's live custom fields, held once for every screen: the grid's
 * column model reads them synchronously (like the built-in GridColumns), and
 * React subscribes through useSyncExternalStore. Plain data only: loading
 * them from the API is customFieldLoader's job, so the grid's pure utilities
 * (and their tests) need no bridge.
 */
export interface CustomFieldsSnapshot {
  fields: readonly CustomField[]
  loaded: boolean
}

let snapshot: CustomFieldsSnapshot = { fields: [], loaded: false }
const listeners = new Set<() => void>()

export function publishCustomFields(next: CustomFieldsSnapshot): void {
  snapshot = next
  for (const listener of listeners) listener()
}

export function listenToCustomFields(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function customFieldsSnapshot(): CustomFieldsSnapshot {
  return snapshot
}

/** For tests: sets the definitions without the API. */
export function setCustomFieldsForTest(fields: readonly CustomField[]): void {
  publishCustomFields({ fields, loaded: true })
}
