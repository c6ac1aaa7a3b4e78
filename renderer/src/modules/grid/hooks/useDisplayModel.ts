import { useCallback, useLayoutEffect, useMemo, useState } from 'react'
import type { MethodInput } from '../../../../../shared/api'
import type { ColumnDef } from '../../../../../shared/columns'
import type { GridEntity } from '../../../../../shared/enums'
import type { GroupRow } from '../../../../../shared/query'
import type { ApiCallError } from '../../../api/ApiCallError'
import { useApiQuery } from '../../../api/useApiQuery'
import { groupFilter, itemAt, layoutGroups, type GroupSection } from '../utils/groups'
import { countKeyOf, segmentKey, type CachedRow, type RowCache, type Segment } from '../utils/rowCache'
import type { GridQuery } from '../utils/viewState'

export type DisplayEntry =
  | { kind: 'group'; section: GroupSection }
  | { kind: 'row'; row: CachedRow | undefined; segment: string; offset: number }

/** The rows the grid lays out: one list, or groups each with a header and (unless collapsed) its rows. */
export interface DisplayModel {
  /** Display rows, group headers included. */
  length: number
  /** Records matching the grid's filters; undefined until counted. */
  total: number | undefined
  grouped: boolean
  sections: GroupSection[]
  entryAt(index: number): DisplayEntry | undefined
  isDataRow(index: number): boolean
  /** Tells the cache which display rows are on screen. */
  want(first: number, last: number): void
  /** The records in display rows top..bottom (headers skipped), read from the core when not loaded. */
  readRows(top: number, bottom: number): Promise<{ index: number; row: CachedRow }[]>
  error: ApiCallError | undefined
  retry(): void
}

const FLAT = '∅flat'

/**
 * Builds the display list over the shared row cache. Grouped, each expanded
 * group is its own lazily loaded window query (the grid's filters plus the
 * group's value), counted in advance by grid.groups.
 */
export function useDisplayModel(
  entity: GridEntity,
  cache: RowCache,
  version: number,
  query: GridQuery,
  groupColumn: ColumnDef | null,
  collapsed: ReadonlySet<string>,
): DisplayModel {
  const groupsQuery = useApiQuery(
    'grid.groups',
    // The union of six entity inputs does not narrow; the keys come from GridColumns[entity].
    { entity, groupBy: groupColumn?.key ?? 'id', filters: query.filters, search: query.search } as MethodInput<'grid.groups'>,
    { reads: [entity], enabled: groupColumn !== null },
  )
  const groups: GroupRow[] | undefined = groupColumn ? groupsQuery.data : undefined
  const flatKey = segmentKey(query)

  const layout = useMemo(() => (groups ? layoutGroups(groups, collapsed) : null), [groups, collapsed])

  const segments = useMemo<Map<string, Segment>>(() => {
    if (!groupColumn) return new Map([[FLAT, { key: flatKey, query, countKey: countKeyOf(query) }]])
    const map = new Map<string, Segment>()
    for (const section of layout?.sections ?? []) {
      if (section.shown === 0) continue
      const groupQuery: GridQuery = { ...query, filters: [...query.filters, groupFilter(groupColumn, section.group.key)] }
      map.set(section.id, { key: segmentKey(groupQuery), query: groupQuery, count: section.group.count })
    }
    return map
  }, [groupColumn, layout, query, flatKey])

  /**
   * The last flat list that had rows: shown until a new sort or filter's
   * first window arrives, so the grid goes from old rows to new ones
   * without a flash of empty rows (and without rendering them).
   */
  const [shown, setShown] = useState<Segment | null>(null)
  const flatReady = !groupColumn && cache.loaded(flatKey)
  if (flatReady && shown?.key !== flatKey) setShown({ key: flatKey, query, countKey: countKeyOf(query) })
  const stale = !groupColumn && !flatReady && shown !== null && shown.key !== flatKey ? shown : null

  useLayoutEffect(() => {
    cache.setSegments(stale ? [...segments.values(), stale] : [...segments.values()])
  }, [cache, segments, stale])

  const current = segments.get(FLAT)
  const flatSegment = stale ?? current
  // `version` changes whenever the cache does; reading through it keeps the memo honest.
  const total = useMemo(() => {
    void version
    if (flatSegment) return cache.total(flatSegment.key)
    return groups?.reduce((sum, g) => sum + g.count, 0)
  }, [cache, flatSegment, groups, version])

  const length = flatSegment ? (total ?? 0) : (layout?.length ?? 0)

  const entryAt = useCallback(
    (index: number): DisplayEntry | undefined => {
      void version
      if (flatSegment) {
        if (index < 0 || index >= length) return undefined
        return { kind: 'row', row: cache.rowAt(flatSegment.key, index), segment: flatSegment.key, offset: index }
      }
      const item = layout ? itemAt(layout.sections, index) : undefined
      if (!item) return undefined
      if (item.kind === 'group') return item
      const segment = segments.get(item.section.id)
      if (!segment) return undefined
      return { kind: 'row', row: cache.rowAt(segment.key, item.offset), segment: segment.key, offset: item.offset }
    },
    [cache, flatSegment, layout, length, segments, version],
  )

  const isDataRow = useCallback((index: number) => entryAt(index)?.kind === 'row', [entryAt])

  const want = useCallback(
    (first: number, last: number) => {
      if (current) {
        cache.want(current.key, first, last)
        return
      }
      for (const section of layout?.sections ?? []) {
        const segment = segments.get(section.id)
        if (!segment) continue
        const from = Math.max(first, section.start + 1)
        const to = Math.min(last, section.start + section.shown)
        if (from <= to) cache.want(segment.key, from - section.start - 1, to - section.start - 1)
      }
    },
    [cache, current, layout, segments],
  )

  const readRows = useCallback(
    async (top: number, bottom: number) => {
      if (flatSegment) {
        const rows = await cache.readRange(flatSegment.key, top, bottom)
        return rows.map((row, i) => ({ index: top + i, row }))
      }
      const out: { index: number; row: CachedRow }[] = []
      for (const section of layout?.sections ?? []) {
        const segment = segments.get(section.id)
        if (!segment) continue
        const from = Math.max(top, section.start + 1)
        const to = Math.min(bottom, section.start + section.shown)
        if (from > to) continue
        const rows = await cache.readRange(segment.key, from - section.start - 1, to - section.start - 1)
        rows.forEach((row, i) => out.push({ index: from + i, row }))
      }
      return out
    },
    [cache, flatSegment, layout, segments],
  )

  const cacheError = useMemo(() => {
    void version
    for (const segment of segments.values()) {
      const error = cache.error(segment.key)
      if (error) return error as ApiCallError
    }
    return undefined
  }, [cache, segments, version])

  const refetchGroups = groupsQuery.refetch
  const retry = useCallback(() => {
    void cache.invalidate()
    refetchGroups()
  }, [cache, refetchGroups])

  return {
    length,
    total,
    grouped: groupColumn !== null,
    sections: layout?.sections ?? [],
    entryAt,
    isDataRow,
    want,
    readRows,
    error: cacheError ?? (groupColumn ? groupsQuery.error : undefined),
    retry,
  }
}
