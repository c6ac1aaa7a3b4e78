import { useSyncExternalStore } from 'react'

export interface SharedState<T> {
  get(): T
  set(value: T): void
  /** The current value in a component; it re-renders when the value changes. */
  use(): T
}

/**
 * One value the whole window shares, set from anywhere (a grid's context
 * menu, a memoised kanban card) without threading callbacks through props.
 */
export function sharedState<T>(initial: T): SharedState<T> {
  let value = initial
  const listeners = new Set<() => void>()
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  const get = () => value
  return {
    get,
    set(next) {
      value = next
      for (const listener of listeners) listener()
    },
    use: () => useSyncExternalStore(subscribe, get),
  }
}
