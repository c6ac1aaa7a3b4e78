import type { WindowQuery } from '../../../../../shared/query'
import type { GridQuery } from './viewState'

/** A row of any grid: read by field name, always with an id. */
export type CachedRow = { readonly id: number; readonly version?: number } & Readonly<Record<string, unknown>>

export interface WindowAnswer {
  rows: CachedRow[]
  total: number | null
}

export type WindowFetcher = (query: WindowQuery) => Promise<WindowAnswer>

/** One list the cache serves: the flat grid, one group, or one kanban column. */
export interface Segment {
  key: string
  query: GridQuery
  /** Known in advance for groups and kanban columns (from grid.groups); counted by the core otherwise. */
  count?: number
  /**
   * Lists with the same count key have the same number of rows (the same
   * filters and search in another order): a new sort needs no new count.
   */
  countKey?: string
}

export const PAGE_SIZE = 100
/** Pages kept on either side of the visible ones; anything farther is dropped. */
const KEEP_PAGES_AROUND = 2
/** The window size used to read a long range (bulk edits, copies). */
const RANGE_CHUNK = 500

interface Page {
  rows: CachedRow[]
  generation: number
}

interface Overlay {
  version: number
  values: Record<string, unknown>
}

export function segmentKey(query: GridQuery): string {
  return JSON.stringify(query)
}

/** What the row count of a query depends on: its filters and search, not its order. */
export function countKeyOf(query: GridQuery): string {
  return JSON.stringify({ filters: query.filters, search: query.search ?? '' })
}

const countKey = (segment: Segment) => segment.countKey ?? segment.key

/**
 * A page cache over window queries, shared by every list on a screen. It
 * fetches only the pages in view, drops far ones, and after a data change
 * refetches in place so the rows on screen do not flicker. Edits the grid
 * just wrote show at once (with their new versions) until the refetch
 * brings them back from the core.
 */
export class RowCache {
  private pages = new Map<string, Page>()
  private totals = new Map<string, { total: number; generation: number }>()
  private wanted = new Map<string, { first: number; last: number }>()
  private segments = new Map<string, Segment>()
  private overlays = new Map<number, Overlay>()
  private inFlight = new Map<string, Promise<void>>()
  private errors = new Map<string, unknown>()
  private generation = 0
  private version = 0
  private listeners = new Set<() => void>()

  constructor(private readonly fetcher: WindowFetcher) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): number => this.version

  private changed(): void {
    this.version += 1
    for (const listener of this.listeners) listener()
  }

  /** The lists on screen now; pages of any other list are forgotten. */
  setSegments(segments: readonly Segment[]): void {
    const next = new Map(segments.map((s) => [s.key, s]))
    for (const key of this.segments.keys()) {
      if (next.has(key)) continue
      this.wanted.delete(key)
      this.errors.delete(key)
      for (const pageKey of [...this.pages.keys()]) if (pageKey.startsWith(`${key}#`)) this.pages.delete(pageKey)
    }
    this.segments = next
  }

  /** Tells the cache which rows of a list are on screen; it fetches what is missing. */
  want(key: string, firstIndex: number, lastIndex: number): void {
    const first = Math.floor(Math.max(0, firstIndex) / PAGE_SIZE)
    const last = Math.floor(Math.max(0, lastIndex) / PAGE_SIZE)
    const before = this.wanted.get(key)
    if (!before || before.first !== first || before.last !== last) {
      this.wanted.set(key, { first, last })
      this.dropFarPages(key, first, last)
    }
    void this.load(key)
  }

  private dropFarPages(key: string, first: number, last: number): void {
    for (const pageKey of [...this.pages.keys()]) {
      if (!pageKey.startsWith(`${key}#`)) continue
      const page = Number(pageKey.slice(key.length + 1))
      if (page < first - KEEP_PAGES_AROUND || page > last + KEEP_PAGES_AROUND) this.pages.delete(pageKey)
    }
  }

  private load(key: string): Promise<void> {
    const segment = this.segments.get(key)
    const range = this.wanted.get(key)
    if (!segment || !range || this.errors.has(key)) return Promise.resolve()
    const generation = this.generation
    let countPending = segment.count === undefined && this.totals.get(countKey(segment))?.generation !== generation
    const loads: Promise<void>[] = []
    for (let page = range.first; page <= range.last; page += 1) {
      if (this.pages.get(`${key}#${page}`)?.generation === generation) continue
      const requestId = `${key}#${page}#${generation}`
      const running = this.inFlight.get(requestId)
      if (running) {
        loads.push(running)
        countPending = false
        continue
      }
      const withTotal = countPending
      countPending = false
      const request = this.fetcher({ ...segment.query, offset: page * PAGE_SIZE, limit: PAGE_SIZE, withTotal })
        .then((answer) => {
          if (!this.segments.has(key)) return
          // An answer read before a data change may arrive after the one read since: it must not put the old rows back.
          const newer = (held: { generation: number } | undefined) => held !== undefined && held.generation > generation
          if (!newer(this.pages.get(`${key}#${page}`))) this.pages.set(`${key}#${page}`, { rows: answer.rows.map((row) => this.withOverlay(row)), generation })
          if (answer.total !== null && !newer(this.totals.get(countKey(segment)))) this.totals.set(countKey(segment), { total: answer.total, generation })
          this.changed()
        })
        .catch((error: unknown) => {
          if (!this.segments.has(key)) return
          this.errors.set(key, error)
          this.changed()
        })
        .finally(() => this.inFlight.delete(requestId))
      this.inFlight.set(requestId, request)
      loads.push(request)
    }
    return Promise.all(loads).then(() => undefined)
  }

  private withOverlay(row: CachedRow): CachedRow {
    const overlay = this.overlays.get(row.id)
    if (!overlay) return row
    if ((row.version ?? 0) >= overlay.version) {
      this.overlays.delete(row.id)
      return row
    }
    return { ...row, ...overlay.values, version: overlay.version }
  }

  rowAt(key: string, index: number): CachedRow | undefined {
    return this.pages.get(`${key}#${Math.floor(index / PAGE_SIZE)}`)?.rows[index % PAGE_SIZE]
  }

  /** Rows in the list, from the segment's known count or the core's; undefined until counted. */
  total(key: string): number | undefined {
    const segment = this.segments.get(key)
    if (!segment) return undefined
    if (segment.count !== undefined) return segment.count
    return this.totals.get(countKey(segment))?.total
  }

  /** Whether a list has rows to show: a window of it has arrived, or it is known to be empty. */
  loaded(key: string): boolean {
    if (this.total(key) === 0) return true
    for (const pageKey of this.pages.keys()) if (pageKey.startsWith(`${key}#`)) return true
    return false
  }

  error(key: string): unknown {
    return this.errors.get(key)
  }

  /** Any row on a loaded page, by id. */
  findById(id: number): CachedRow | undefined {
    for (const page of this.pages.values()) {
      const row = page.rows.find((r) => r.id === id)
      if (row) return row
    }
    return undefined
  }

  /**
   * Shows values the grid just wrote, with the version the write returned,
   * until a refetch brings that version (or a newer one) from the core.
   */
  applyLocal(id: number, values: Record<string, unknown>, version: number): void {
    const previous = this.overlays.get(id)
    this.overlays.set(id, { version, values: { ...previous?.values, ...values } })
    for (const page of this.pages.values()) {
      const index = page.rows.findIndex((r) => r.id === id)
      if (index >= 0) page.rows = page.rows.map((row, i) => (i === index ? this.withOverlay(row) : row))
    }
    this.changed()
  }

  /** After a data change: every visible page is fetched again; the old rows stay until then. */
  invalidate(): Promise<void> {
    this.generation += 1
    this.errors.clear()
    this.changed()
    return Promise.all([...this.wanted.keys()].map((key) => this.load(key))).then(() => undefined)
  }

  /** Reads rows `from`..`to` of a list, from pages already here or from the core. */
  async readRange(key: string, from: number, to: number): Promise<CachedRow[]> {
    const segment = this.segments.get(key)
    if (!segment || to < from) return []
    const out: CachedRow[] = []
    let index = from
    while (index <= to) {
      const cached = this.rowAt(key, index)
      const page = this.pages.get(`${key}#${Math.floor(index / PAGE_SIZE)}`)
      if (cached && page?.generation === this.generation) {
        out.push(cached)
        index += 1
        continue
      }
      const limit = Math.min(RANGE_CHUNK, to - index + 1)
      const answer = await this.fetcher({ ...segment.query, offset: index, limit, withTotal: false })
      if (answer.rows.length === 0) break
      out.push(...answer.rows.map((row) => this.withOverlay(row)))
      index += answer.rows.length
    }
    return out
  }
}
