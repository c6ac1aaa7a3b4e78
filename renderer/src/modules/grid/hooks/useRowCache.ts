import { useState, useSyncExternalStore } from 'react'
import type { GridEntity } from '../../../../../shared/enums'
import { useDataChanged } from '../../../api/useDataChanged'
import { fetchWindow } from '../utils/listMethods'
import { RowCache, type CachedRow } from '../utils/rowCache'

/**
 * One page cache per screen (the grid, or the board with all its columns).
 * It refetches in place when the core reports a change to the entity; the
 * returned version changes whenever rows arrive, so readers re-render.
 */
export function useRowCache(entity: GridEntity): { cache: RowCache; version: number } {
  const [cache] = useState(
    () => new RowCache((query) => fetchWindow(entity, query) as Promise<{ rows: CachedRow[]; total: number | null }>),
  )
  useDataChanged([entity], () => void cache.invalidate())
  const version = useSyncExternalStore(cache.subscribe, cache.getSnapshot)
  return { cache, version }
}
