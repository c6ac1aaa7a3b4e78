import { z } from 'zod'
import { columnKeys } from './columns'
import type { GridEntity } from './enums'

export const FilterOp = z.enum(['contains', 'equals', 'empty', 'notEmpty', 'between', 'in'])
export type FilterOp = z.infer<typeof FilterOp>

const Scalar = z.union([z.string().max(500), z.number().finite()])

export const FilterValue = z.union([
  Scalar,
  z.object({ from: Scalar.nullable().optional(), to: Scalar.nullable().optional() }),
  z.array(Scalar.nullable()).max(500),
])
export type FilterValue = z.infer<typeof FilterValue>

/** The most rows one window may hold: a screenful or two, never a table. */
export const MAX_WINDOW = 500

function windowQuery<E extends GridEntity>(entity: E) {
  const column = z.enum(columnKeys(entity))
  return z.object({
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(MAX_WINDOW).default(100),
    sort: z.array(z.object({ column, desc: z.boolean().default(false) })).max(5).default([]),
    filters: z
      .array(z.object({ column, op: FilterOp, value: FilterValue.optional() }))
      .max(20)
      .default([]),
    search: z.string().trim().max(200).optional(),
  })
}

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
  sort: { column: string; desc: boolean }[]
  filters: { column: string; op: FilterOp; value?: FilterValue }[]
  search?: string
}

export const windowResult = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row), total: z.number().int().min(0), offset: z.number().int().min(0) })
