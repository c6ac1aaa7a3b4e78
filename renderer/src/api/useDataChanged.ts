import { useEffect, useEffectEvent } from 'react'
import type { EntityType } from '../../../shared/enums'
import { onEvent } from './client'

/** Calls `onChange` whenever the core reports a change to any of `entities`. */
export function useDataChanged(entities: readonly EntityType[], onChange: () => void): void {
  const notify = useEffectEvent(onChange)
  const key = entities.join(',')

  useEffect(() => {
    const watched = new Set(key.split(','))
    return onEvent('data-changed', (payload) => {
      if (payload.entities.some((entity) => watched.has(entity))) notify()
    })
  }, [key])
}
