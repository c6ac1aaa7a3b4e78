import type { CallMeta, ParsedInput } from '../../../shared/api'
import type { SavedView } from '../../../shared/entities'
import type { Core } from '../core'
import { AppError } from '../errors'
import { gridColumns } from './config/columns'
import { deleteView, getView, insertView, listViews, updateView } from '../store/views'

/** A view may only name columns the grid has (custom fields included); a stale or forged key is refused up front. */
function assertColumns(core: Core, input: ParsedInput<'views.save'>): void {
  const { entity, state } = input
  const keys = [
    ...state.filters.map((f) => f.column),
    ...state.sort.map((s) => s.column),
    ...state.columns.map((c) => c.key),
    ...(state.groupBy ? [state.groupBy] : []),
  ]
  const known = new Set(gridColumns(core, entity).map((c) => c.key))
  const unknown = keys.filter((key) => !known.has(key))
  if (unknown.length > 0) throw new AppError('UNKNOWN_COLUMN', { entity, columns: unknown })
}

/** Only the owner changes a view; built-in views are copied, never edited. */
function editableView(core: Core, id: number, meta: CallMeta): SavedView {
  const view = getView(core.db, id)
  if (!view) throw new AppError('NOT_FOUND', { entity: 'view', id })
  if (view.builtinKey !== null || view.ownerId !== meta.userId) throw new AppError('CONFLICT', { reason: 'not_owner', id })
  return view
}

export function listSavedViews(core: Core, input: ParsedInput<'views.list'>, meta: CallMeta): SavedView[] {
  return listViews(core.db, input.entity, meta.userId)
}

export function saveView(core: Core, input: ParsedInput<'views.save'>, meta: CallMeta): SavedView {
  assertColumns(core, input)
  const now = core.clock().toISOString()
  const id = core.db.transaction(() => {
    if (input.id === undefined) return insertView(core.db, { ...input, ownerId: meta.userId }, now)
    editableView(core, input.id, meta)
    updateView(core.db, input.id, input, now)
    return input.id
  })()
  return getView(core.db, id)!
}

export function removeView(core: Core, input: { id: number }, meta: CallMeta): { ok: true } {
  editableView(core, input.id, meta)
  deleteView(core.db, input.id)
  return { ok: true }
}
