/**
 * Undo and redo of grid writes. One step is one write the person made (an
 * edit, a paste, a fill, a clear, a bulk edit), however many rows it touched.
 * Undoing sends the inverse patches with the versions the write returned, so
 * a row someone changed since is refused by the core as a conflict rather
 * than silently overwritten.
 */

export type Patch = Record<string, unknown>

export interface RowChange {
  id: number
  /** The fields as they were before the step. */
  before: Patch
  /** The fields as the step set them. */
  after: Patch
  /** The row's version once the step (or its last undo/redo) was written. */
  version: number
}

export interface CreatedRow {
  /** Null while the row is undone (deleted); a redo creates it again under a new id. */
  id: number | null
  version: number
  input: Patch
}

export type StepKind = 'edit' | 'paste' | 'fill' | 'clear' | 'bulk' | 'move'

export interface EditStep {
  kind: StepKind
  changes: RowChange[]
  created: CreatedRow[]
}

export interface UndoHistory {
  past: EditStep[]
  future: EditStep[]
}

export const emptyHistory: UndoHistory = { past: [], future: [] }

/** The most steps kept; the oldest fall off. */
export const UNDO_LIMIT = 100

/** A new step clears what could be redone, as in every editor. */
export function pushStep(history: UndoHistory, step: EditStep, limit = UNDO_LIMIT): UndoHistory {
  if (step.changes.length === 0 && step.created.length === 0) return history
  const past = [...history.past, step]
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] }
}

export const canUndo = (history: UndoHistory) => history.past.length > 0
export const canRedo = (history: UndoHistory) => history.future.length > 0

/** Takes the newest step off the undo list; the caller writes its inverse, then calls `undone`. */
export function takeUndo(history: UndoHistory): { step: EditStep; history: UndoHistory } | null {
  const step = history.past.at(-1)
  return step ? { step, history: { past: history.past.slice(0, -1), future: history.future } } : null
}

export function takeRedo(history: UndoHistory): { step: EditStep; history: UndoHistory } | null {
  const step = history.future.at(-1)
  return step ? { step, history: { past: history.past, future: history.future.slice(0, -1) } } : null
}

export interface WriteResult {
  /** New versions of the changed rows, by id. */
  versions: ReadonlyMap<number, number>
  /** Ids and versions of rows created again by a redo, in the step's order. */
  created?: readonly { id: number; version: number }[]
}

/** The step after its inverse was written: the redo list gets it with the new versions. */
export function undone(history: UndoHistory, step: EditStep, result: WriteResult): UndoHistory {
  return { past: history.past, future: [...history.future, withResult(step, result, 'undo')] }
}

/** The step after it was written again: back on the undo list with the new versions. */
export function redone(history: UndoHistory, step: EditStep, result: WriteResult): UndoHistory {
  return { past: [...history.past, withResult(step, result, 'redo')], future: history.future }
}

function withResult(step: EditStep, result: WriteResult, direction: 'undo' | 'redo'): EditStep {
  return {
    kind: step.kind,
    changes: step.changes.map((c) => ({ ...c, version: result.versions.get(c.id) ?? c.version })),
    created: step.created.map((row, i) =>
      direction === 'undo'
        ? { ...row, id: null }
        : { ...row, id: result.created?.[i]?.id ?? null, version: result.created?.[i]?.version ?? 1 },
    ),
  }
}

export interface StepRequests {
  /** Changes for one grid.update. */
  update: { id: number; version: number; patch: Patch }[]
  /** Rows for one grid.delete (undoing creations). */
  remove: { id: number; version: number }[]
  /** Inputs for one grid.create (redoing creations). */
  create: Patch[]
}

/** What undoing a step sends: the old values back, and the created rows to the trash. */
export function undoRequests(step: EditStep): StepRequests {
  return {
    update: step.changes.map((c) => ({ id: c.id, version: c.version, patch: c.before })),
    remove: step.created.filter((r) => r.id !== null).map((r) => ({ id: r.id as number, version: r.version })),
    create: [],
  }
}

/** What redoing a step sends: the new values again, and the created rows anew. */
export function redoRequests(step: EditStep): StepRequests {
  return {
    update: step.changes.map((c) => ({ id: c.id, version: c.version, patch: c.after })),
    remove: [],
    create: step.created.map((r) => r.input),
  }
}
