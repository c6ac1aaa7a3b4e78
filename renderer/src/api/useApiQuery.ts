import { useCallback, useEffect, useState } from 'react'
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api'
import type { EntityType } from '../../../shared/enums'
import type { ApiCallError } from './ApiCallError'
import { api } from './client'
import { useDataChanged } from './useDataChanged'

export interface QueryState<T> {
  data: T | undefined
  error: ApiCallError | undefined
  loading: boolean
  refetch: () => void
}

interface QueryOptions {
  /** Entities this query reads; a 'data-changed' event for any of them refetches it. */
  reads: readonly EntityType[]
  enabled?: boolean
}

interface Settled<T> {
  key: string
  data?: T
  error?: ApiCallError
}

/**
 * Runs one API method and keeps its result fresh. Earlier data stays on
 * screen while a refetch is in flight; answers to superseded requests are dropped.
 */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  { reads, enabled = true }: QueryOptions,
): QueryState<MethodOutput<M>> {
  const [generation, setGeneration] = useState(0)
  const [settled, setSettled] = useState<Settled<MethodOutput<M>>>({ key: '' })
  const inputJson = JSON.stringify(input)
  const requestKey = `${method}|${inputJson}|${generation}`

  const refetch = useCallback(() => setGeneration((g) => g + 1), [])
  useDataChanged(reads, refetch)

  useEffect(() => {
    if (!enabled) return
    let superseded = false
    api
      .call(method, JSON.parse(inputJson) as MethodInput<M>)
      .then((data) => {
        if (!superseded) setSettled({ key: requestKey, data })
      })
      .catch((error: ApiCallError) => {
        if (!superseded) setSettled((previous) => ({ key: requestKey, data: previous.data, error }))
      })
    return () => {
      superseded = true
    }
  }, [method, inputJson, requestKey, enabled])

  return { data: settled.data, error: settled.error, loading: enabled && settled.key !== requestKey, refetch }
}
