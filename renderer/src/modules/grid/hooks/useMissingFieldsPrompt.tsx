import { useCallback, useRef, useState, type ReactNode } from 'react'
import { MissingFieldsModal, type MissingFieldsRequest } from '../components/MissingFieldsModal'
import type { Patch } from '../utils/undoStack'

/**
 * The stage-requirements form as a promise: `ask` resolves with the values
 * the person entered, or null when they cancelled. Render `element` once.
 */
export function useMissingFieldsPrompt(): { ask(request: MissingFieldsRequest): Promise<Patch | null>; element: ReactNode } {
  const [request, setRequest] = useState<MissingFieldsRequest | null>(null)
  const resolver = useRef<((values: Patch | null) => void) | null>(null)

  const ask = useCallback((next: MissingFieldsRequest) => {
    resolver.current?.(null)
    setRequest(next)
    return new Promise<Patch | null>((resolve) => {
      resolver.current = resolve
    })
  }, [])

  const done = useCallback((values: Patch | null) => {
    resolver.current?.(values)
    resolver.current = null
    setRequest(null)
  }, [])

  return { ask, element: request ? <MissingFieldsModal request={request} onDone={done} /> : null }
}
