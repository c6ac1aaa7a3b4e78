import { api } from '../../../api/client'
import { customFieldsSnapshot, listenToCustomFields, publishCustomFields } from './customFieldStore'

let pending: Promise<void> | null = null

/** Fetches the definitions again (after Settings changed them); resolves when every subscriber has them. */
export function reloadCustomFields(): Promise<void> {
  pending ??= api
    .call('customFields.list', {})
    .then((fields) => publishCustomFields({ fields, loaded: true }))
    // Without definitions the app still works, with built-in columns only.
    .catch(() => publishCustomFields({ ...customFieldsSnapshot(), loaded: true }))
    .finally(() => {
      pending = null
    })
  return pending
}

/** Subscribes to the definitions, loading them the first time anyone asks. */
export function subscribeCustomFields(listener: () => void): () => void {
  const unsubscribe = listenToCustomFields(listener)
  if (!customFieldsSnapshot().loaded) void reloadCustomFields()
  return unsubscribe
}
