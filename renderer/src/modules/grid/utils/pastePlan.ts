import type { z } from 'zod'
import type { ColumnDef } from '../../../../../shared/columns'
import type { CoerceContext, CoerceReason } from '../../../../../shared/coerce'
import { GridInputs, GridPatches } from '../../../../../shared/entities'
import type { GridEntity } from '../../../../../shared/enums'
import {
  beforeOf,
  cellText,
  changedFields,
  coerceCellText,
  columnOfField,
  patchFor,
  type CellLabels,
  type RowValues,
} from './cellModel'
import type { Patch } from './undoStack'

/** How a typed account name was resolved to an account. */
export type AccountMatch = { id: number; name: string } | 'unknown' | 'ambiguous'

/** Why a pasted cell cannot be written: a coercion reason, or one of the grid's own. */
export type ProblemReason =
  | CoerceReason
  | 'READ_ONLY'
  | 'NO_COLUMN'
  | 'NOT_CREATABLE'
  | 'ACCOUNT_UNKNOWN'
  | 'ACCOUNT_AMBIGUOUS'
  | 'INVALID'
  | 'STAGE_REQUIREMENTS'

export interface PlanProblem {
  /** Row of the clip (0-based); its sheet row is the target row's. */
  r: number
  /** Column of the clip, or -1 when the problem is a field the clip did not include. */
  c: number
  /** The grid column the problem belongs to, when there is one. */
  column: string | null
  value: string
  reason: ProblemReason
  /** For INVALID: the contract's validation issue. */
  issue?: z.core.$ZodIssue
  /** For STAGE_REQUIREMENTS: the fields the stage still needs. */
  missing?: string[]
}

export interface PlannedChange {
  /** Row of the clip. */
  r: number
  id: number
  version: number
  patch: Patch
  before: Patch
}

export interface PlannedCreation {
  r: number
  input: Patch
}

export interface PastePlan {
  changes: PlannedChange[]
  creations: PlannedCreation[]
  problems: PlanProblem[]
}

export interface PlanInput {
  entity: GridEntity
  /** The clip, already tiled over the selection when it repeats. */
  matrix: readonly (readonly string[])[]
  /** Visible columns from the paste's first column rightwards. */
  columns: readonly ColumnDef[]
  /** Existing rows from the paste's first row downwards (group headers left out); shorter than the clip at the end. */
  rows: readonly RowValues[]
  /** Coercion context for a column, for a row (stages depend on the row's pipeline) or a new row (null). */
  contextFor(column: ColumnDef, row: RowValues | null): CoerceContext
  /** Account names the clip names, resolved beforehand (keys are trimmed, lower-cased names). */
  accounts: ReadonlyMap<string, AccountMatch>
  labels: CellLabels
  /** Whether rows past the end may be created (grid.create covers this entity). */
  creatable: boolean
  /** What a new row starts with, before the pasted cells (for example a stage). */
  newRowDefaults: Patch
  /** Fields the target stage still needs, for a deal entering it; empty when none or not a deal. */
  missingForStage?(stageId: number, facts: Readonly<Record<string, unknown>>): string[]
}

export const accountKey = (name: string) => name.trim().toLowerCase()

const normalise = (text: string) => text.trim()

/**
 * Turns a clip into one batch of row changes and new rows, or the list of
 * everything wrong with it. Nothing is written while any problem remains.
 */
export function planPaste(input: PlanInput): PastePlan {
  const { entity, matrix, columns, rows, labels } = input
  const changes: PlannedChange[] = []
  const creations: PlannedCreation[] = []
  const problems: PlanProblem[] = []
  const width = matrix[0]?.length ?? 0
  if (width > columns.length) {
    for (let c = columns.length; c < width; c += 1) problems.push({ r: 0, c, column: null, value: matrix[0]?.[c] ?? '', reason: 'NO_COLUMN' })
    return { changes, creations, problems }
  }

  matrix.forEach((cells, r) => {
    const row = rows[r] ?? null
    if (!row && !input.creatable) {
      problems.push({ r, c: 0, column: null, value: cells.join(' '), reason: 'NOT_CREATABLE' })
      return
    }
    const patch: Patch = {}
    const cellOfField = new Map<string, number>()
    cells.forEach((raw, c) => {
      const column = columns[c]!
      if (!column.editable) {
        // Computed columns: a copy pasted back unchanged is fine; new rows compute their own.
        if (!row || normalise(raw) === normalise(cellText(column, row, labels))) return
        problems.push({ r, c, column: column.key, value: raw, reason: 'READ_ONLY' })
        return
      }
      const coerced = coerceCellText(column, raw, input.contextFor(column, row))
      if (!coerced.ok) {
        problems.push({ r, c, column: column.key, value: raw, reason: coerced.reason })
        return
      }
      let value = coerced.value
      if (column.type === 'account' && typeof value === 'string') {
        const match = input.accounts.get(accountKey(value)) ?? 'unknown'
        if (match === 'unknown' || match === 'ambiguous') {
          problems.push({ r, c, column: column.key, value: raw, reason: match === 'unknown' ? 'ACCOUNT_UNKNOWN' : 'ACCOUNT_AMBIGUOUS' })
          return
        }
        value = match.id
      }
      const fields = patchFor(entity, column, { value, currency: 'currency' in coerced ? coerced.currency : undefined })
      for (const field of Object.keys(fields)) cellOfField.set(field, c)
      Object.assign(patch, fields)
    })
    const cellProblem = (field: string, issue: z.core.$ZodIssue | undefined, reason: ProblemReason, missing?: string[]) => {
      const c = cellOfField.get(field) ?? -1
      problems.push({
        r,
        c,
        column: columnOfField(entity, field)?.key ?? field,
        value: c >= 0 ? (cells[c] ?? '') : '',
        reason,
        ...(issue ? { issue } : {}),
        ...(missing ? { missing } : {}),
      })
    }

    if (row) {
      const changed = changedFields(row, patch)
      if (Object.keys(changed).length === 0) return
      const parsed = GridPatches[entity].safeParse(changed)
      if (!parsed.success) {
        for (const issue of parsed.error.issues) cellProblem(String(issue.path[0] ?? ''), issue, 'INVALID')
        return
      }
      if (typeof changed.stageId === 'number' && changed.stageId !== row.stageId && input.missingForStage) {
        const missing = input.missingForStage(changed.stageId, { ...row, ...changed })
        if (missing.length > 0) {
          cellProblem('stageId', undefined, 'STAGE_REQUIREMENTS', missing)
          return
        }
      }
      changes.push({ r, id: row.id, version: row.version as number, patch: changed, before: beforeOf(row, changed) })
      return
    }
    if (cells.every((raw) => raw.trim() === '')) return
    // Blank cells in a new row leave its defaults (and the core's) in place.
    const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== null))
    const newRow: Patch = { ...input.newRowDefaults, ...given }
    const schema = (GridInputs as Partial<Record<GridEntity, z.ZodType>>)[entity]
    const parsed = schema?.safeParse(newRow)
    if (parsed && !parsed.success) {
      for (const issue of parsed.error.issues) cellProblem(String(issue.path[0] ?? ''), issue, 'INVALID')
      return
    }
    if (typeof newRow.stageId === 'number' && input.missingForStage) {
      const missing = input.missingForStage(newRow.stageId, newRow)
      if (missing.length > 0) {
        cellProblem('stageId', undefined, 'STAGE_REQUIREMENTS', missing)
        return
      }
    }
    creations.push({ r, input: newRow })
  })
  return { changes, creations, problems }
}
