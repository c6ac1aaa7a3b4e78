import type { CallMeta, GridCreate, GridUpdate, ParsedInput } from '../../../shared/api'
import type { GroupRow } from '../../../shared/query'
import type { Core } from '../core'
import { AppError } from '../errors'
import { customColumnResolver } from '../store/customFields'
import { getLiveRow, softDelete, updateRecord } from '../store/records'
import { runGroupQuery, runWindowQuery, type QueryContext } from '../store/windowQuery'
import type { WriteContext } from '../store/writeContext'
import { inTransaction, writeContext } from './context'
import { applyOpportunityUpdate, insertOneOpportunity } from './opportunities'
import { checkReferences, toRow } from './recordColumns'
import { customOfRow, withCustomColumn } from './config/values'
import { insertOne, taskStatusFields } from './records'

type Versions = { rows: { id: number; version: number }[] }

export function queryContext(core: Core, meta: CallMeta): QueryContext {
  return { userId: meta.userId, today: core.clock(), customColumn: customColumnResolver(core.db) }
}

/**
 * Runs `each` for every item in one transaction. The first failure rolls
 * everything back and is reported with the item's position, so a paste
 * with one bad cell writes nothing and says which cell.
 */
function allOrNothing<T, R>(core: Core, items: readonly T[], each: (item: T, index: number) => R): R[] {
  return inTransaction(core, () =>
    items.map((item, index) => {
      try {
        return each(item, index)
      } catch (err) {
        if (err instanceof AppError) {
          throw new AppError(err.code, { ...(err.details as object), row: index, id: (item as { id?: number }).id })
        }
        throw err
      }
    }),
  )
}

function applyChange(core: Core, ctx: WriteContext, input: GridUpdate, index: number): void {
  if (input.entity === 'opportunity') {
    applyOpportunityUpdate(core, ctx, input.changes[index]!)
    return
  }
  const { id, version, patch } = input.changes[index]!
  const fields: Record<string, unknown> =
    input.entity === 'task' && 'status' in patch && patch.status ? { ...patch, ...taskStatusFields(core, patch.status) } : patch
  checkReferences(core, fields)
  const current = () => customOfRow(getLiveRow(core.db, input.entity, id))
  updateRecord(core.db, ctx, input.entity, id, version, toRow(input.entity, withCustomColumn(core, input.entity, fields, current)))
}

/** One edit, paste, fill or bulk edit: every row or none, each with its audit rows. */
export function updateGridRows(core: Core, input: GridUpdate, meta: CallMeta): Versions {
  const ctx = writeContext(core, meta)
  const changes: readonly { id: number }[] = input.changes
  const rows = allOrNothing(core, changes, (change, index) => {
    applyChange(core, ctx, input, index)
    return { id: change.id, version: getLiveRow(core.db, input.entity, change.id).version as number }
  })
  core.events.emit('data-changed', { entities: [input.entity], reason: 'grid' })
  return { rows }
}

/** Rows a paste adds past the last one. */
export function createGridRows(core: Core, input: GridCreate, meta: CallMeta): Versions {
  const ctx = writeContext(core, meta)
  const rows = allOrNothing(core, input.rows as Record<string, unknown>[], (row) => ({
    id:
      input.entity === 'opportunity'
        ? insertOneOpportunity(core, ctx, meta, row as ParsedInput<'opportunities.create'>)
        : insertOne(core, ctx, meta, input.entity, row),
    version: 1,
  }))
  core.events.emit('data-changed', { entities: [input.entity], reason: 'grid' })
  return { rows }
}

export function deleteGridRows(core: Core, input: ParsedInput<'grid.delete'>, meta: CallMeta): { ok: true } {
  const ctx = writeContext(core, meta)
  allOrNothing(core, input.rows, (row) => softDelete(core.db, ctx, input.entity, row.id, row.version))
  core.events.emit('data-changed', { entities: [input.entity], reason: 'delete' })
  return { ok: true }
}

export function listWindow(core: Core, entity: Parameters<typeof runWindowQuery>[1], input: ParsedInput<'opportunities.list'>, meta: CallMeta) {
  return runWindowQuery(core.db, entity, input, queryContext(core, meta))
}

export function groupRows(core: Core, input: ParsedInput<'grid.groups'>, meta: CallMeta): GroupRow[] {
  return runGroupQuery(core.db, input.entity, input.groupBy, input.filters, input.search, queryContext(core, meta))
}
