import { useCallback, useEffect, useRef, useState } from 'react'
import type { GridEntity } from '../../../../../shared/enums'
import type { WindowQuery } from '../../../../../shared/query'
import type { ApiCallError } from '../../../api/ApiCallError'
import { useDataChanged } from '../../../api/useDataChanged'
import { fetchWindow, type GridRow } from '../utils/listMethods'

export const PAGE_SIZE = 100
/** Pages kept on either side of the visible ones; anything farther is dropped. */
const KEEP_PAGES_AROUND = 2

export type GridQuery = Pick<WindowQuery, 'sort' | 'filters' | 'search'>

interface Page {
  rows: GridRow[]
  generation: number
}

interface CacheState {
  queryKey: string
  pages: ReadonlyMap<number, Page>
  total: number | undefined
  /** The generation the total was counted in; counting is the costly part of a window query. */
  totalGeneration: number
  error: ApiCallError | undefined
}

export interface WindowedRows {
  /** Rows matching the query in the database; undefined until the first page arrives. */
  total: number | undefined
  rowAt(index: number): GridRow | undefined
  /** Tells the cache which rows are on screen; it fetches missing pages and drops far ones. */
  showRange(firstIndex: number, lastIndex: number): void
  error: ApiCallError | undefined
  retry(): void
}

/**
 * A page cache over one entity's window query. Changing the query starts an
 * empty cache; a 'data-changed' event keeps the rows on screen and refetches
 * them in place, so the grid does not flicker after an edit.
 */
export function useWindowedRows(entity: GridEntity, query: GridQuery): WindowedRows {
  const queryJson = JSON.stringify(query)
  const queryKey = `${entity}|${queryJson}`
  const [generation, setGeneration] = useState(0)
  const [range, setRange] = useState({ firstPage: 0, lastPage: 0 })
  const [cache, setCache] = useState<CacheState>(() => emptyCache(queryKey))
  const inFlight = useRef(new Set<string>())
  const currentKey = useRef(queryKey)

  const refetch = useCallback(() => {
    setCache((prev) => ({ ...prev, error: undefined }))
    setGeneration((g) => g + 1)
  }, [])
  useDataChanged([entity], refetch)

  const current = cache.queryKey === queryKey ? cache : undefined

  useEffect(() => {
    currentKey.current = queryKey
    // After a failure, wait for a retry or a data change instead of hammering the core.
    if (current?.error) return
    const keep = { from: range.firstPage - KEEP_PAGES_AROUND, to: range.lastPage + KEEP_PAGES_AROUND }
    // One count per query and data generation; scrolling on only fetches rows.
    let countPending = current?.totalGeneration !== generation
    for (let page = range.firstPage; page <= range.lastPage; page++) {
      if (current?.pages.get(page)?.generation === generation) continue
      const requestId = `${queryKey}|${generation}|${page}`
      if (inFlight.current.has(requestId)) continue
      inFlight.current.add(requestId)
      const withTotal = countPending
      countPending = false
      fetchWindow(entity, { ...(JSON.parse(queryJson) as GridQuery), offset: page * PAGE_SIZE, limit: PAGE_SIZE, withTotal })
        .then((result) => {
          if (currentKey.current !== queryKey) return
          setCache((prev) => {
            const base = prev.queryKey === queryKey ? prev : emptyCache(queryKey)
            const pages = new Map(base.pages)
            pages.set(page, { rows: result.rows, generation })
            for (const kept of pages.keys()) if (kept < keep.from || kept > keep.to) pages.delete(kept)
            return {
              queryKey,
              pages,
              total: result.total ?? base.total,
              totalGeneration: result.total === null ? base.totalGeneration : generation,
              error: undefined,
            }
          })
        })
        .catch((error: ApiCallError) => {
          if (currentKey.current !== queryKey) return
          setCache((prev) => ({ ...(prev.queryKey === queryKey ? prev : emptyCache(queryKey)), error }))
        })
        .finally(() => inFlight.current.delete(requestId))
    }
  }, [entity, queryJson, queryKey, generation, range, current])

  const showRange = useCallback((firstIndex: number, lastIndex: number) => {
    const firstPage = Math.floor(Math.max(0, firstIndex) / PAGE_SIZE)
    const lastPage = Math.floor(Math.max(0, lastIndex) / PAGE_SIZE)
    setRange((prev) => (prev.firstPage === firstPage && prev.lastPage === lastPage ? prev : { firstPage, lastPage }))
  }, [])

  const rowAt = useCallback(
    (index: number) => current?.pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE],
    [current],
  )

  return {
    // The previous query's total keeps the scrollbar steady until the new one arrives.
    total: current ? current.total : cache.total,
    rowAt,
    showRange,
    error: current?.error,
    retry: refetch,
  }
}

function emptyCache(queryKey: string): CacheState {
  return { queryKey, pages: new Map(), total: undefined, totalGeneration: -1, error: undefined }
}
