import { z } from 'zod'
import { CUSTOM_COLUMN_PATTERN, columnKeys } from './columns'
import type { GridEntity } from './enums'

export const FilterOp = z.enum(['contains', 'equals', 'empty', 'notEmpty', 'between', 'in', 'preset', 'me'])
export type FilterOp = z.infer<typeof FilterOp>

/** Relative date ranges, resolved against the workspace clock when the query runs. */
export const DatePreset = z.enum([
  'today',
  'thisWeek',
  'thisMonth',
  'thisQuarter',
  'thisYear',
  'lastWeek',
  'lastMonth',
  'nextMonth',
  'last7Days',
  'last30Days',
  'next7Days',
  'next30Days',
  'overdue',
])
export type DatePreset = z.infer<typeof DatePreset>

const Scalar = z.union([z.string().max(500), z.number().finite()])

export const FilterValue = z.union([
  Scalar,
  z.object({ from: Scalar.nullable().optional(), to: Scalar.nullable().optional() }),
  z.array(Scalar.nullable()).max(500),
])
export type FilterValue = z.infer<typeof FilterValue>

/** A built-in column of the entity, or `custom.<key>` (checked against the field definitions when the query runs). */
export function gridColumnOf<E extends GridEntity>(entity: E) {
  return z.union([z.enum(columnKeys(entity)), z.string().regex(CUSTOM_COLUMN_PATTERN)])
}

/** The most rows one window may hold: a screenful or two, never a table. */
export const MAX_WINDOW = 500

function filtersOf<E extends GridEntity>(entity: E) {
  const column = gridColumnOf(entity)
  return {
    filters: z
      .array(z.object({ column, op: FilterOp, value: FilterValue.optional() }))
      .max(20)
      .default([]),
    search: z.string().trim().max(200).optional(),
  }
}

function sortOf<E extends GridEntity>(entity: E) {
  return z.array(z.object({ column: gridColumnOf(entity), desc: z.boolean().default(false) })).max(5).default([])
}

function windowQuery<E extends GridEntity>(entity: E) {
  return z.object({
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(MAX_WINDOW).default(100),
    sort: sortOf(entity),
    ...filtersOf(entity),
    /** Scrolling through an unchanged query needs no new count; the first window of a query does. */
    withTotal: z.boolean().default(true),
  })
}

/** Grouping with subtotals: which column, and for dates the month. */
function groupQuery<E extends GridEntity>(entity: E) {
  return z.object({ entity: z.literal(entity), groupBy: gridColumnOf(entity), ...filtersOf(entity) }).strict()
}

export const GroupQuery = z.discriminatedUnion('entity', [
  groupQuery('opportunity'),
  groupQuery('lead'),
  groupQuery('account'),
  groupQuery('contact'),
  groupQuery('activity'),
  groupQuery('task'),
])
export type GroupQuery = z.infer<typeof GroupQuery>

export const GroupRow = z.object({
  /** The grouped value (a stage id, an owner id, a picklist value, 'YYYY-MM'), or null for blanks. */
  key: z.union([z.string(), z.number()]).nullable(),
  count: z.number().int(),
  /** Sums in the base currency; present for opportunities only. */
  amount: z.number().nullable(),
  weightedAmount: z.number().nullable(),
})
export type GroupRow = z.infer<typeof GroupRow>

/** What a saved view remembers about a grid. */
export const ViewState = z.object({
  filters: z.array(z.object({ column: z.string().max(64), op: FilterOp, value: FilterValue.optional() })).max(20),
  sort: z.array(z.object({ column: z.string().max(64), desc: z.boolean() })).max(5),
  columns: z
    .array(z.object({ key: z.string().max(64), width: z.number().int().min(30).max(2000).optional(), hidden: z.boolean().optional() }))
    .max(200),
  pinned: z.number().int().min(0).max(10).default(1),
  groupBy: z.string().max(64).nullable().default(null),
  search: z.string().max(200).optional(),
})
export type ViewState = z.infer<typeof ViewState>

export const WindowQueries = {
  opportunity: windowQuery('opportunity'),
  lead: windowQuery('lead'),
  account: windowQuery('account'),
  contact: windowQuery('contact'),
  activity: windowQuery('activity'),
  task: windowQuery('task'),
}

/** The entity-independent shape of a window query, as the store compiles it. */
export interface WindowQuery {
  offset: number
  limit: number
  withTotal?: boolean
  sort: { column: string; desc: boolean }[]
  filters: { column: string; op: FilterOp; value?: FilterValue }[]
  search?: string
}

export const windowResult = <T extends z.ZodType>(row: T) =>
  z.object({
    rows: z.array(row),
    /** Null when the caller asked for no count. */
    total: z.number().int().min(0).nullable(),
    offset: z.number().int().min(0),
  })
