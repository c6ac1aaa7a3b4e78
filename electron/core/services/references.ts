import type { Core } from '../core'
import { AppError } from '../errors'
import { getStage, userExists } from '../store/reference'
import type { Stage } from '../../../shared/entities'
import { getLiveRow } from '../store/records'

/** Foreign keys a person picked must point at live records, or the input is invalid. */
export function requireStage(core: Core, stageId: number): Stage {
  const stage = getStage(core.db, stageId)
  if (!stage || !stage.active) throw invalidReference('stageId', stageId)
  return stage
}

export function requireUser(core: Core, field: string, userId: number | null | undefined): void {
  if (userId != null && !userExists(core.db, userId)) throw invalidReference(field, userId)
}

export function requireRecord(
  core: Core,
  entity: 'account' | 'contact' | 'lead' | 'opportunity',
  field: string,
  id: number | null | undefined,
): void {
  if (id == null) return
  try {
    getLiveRow(core.db, entity, id)
  } catch {
    throw invalidReference(field, id)
  }
}

function invalidReference(field: string, value: unknown): AppError {
  return new AppError('VALIDATION', {
    issues: [{ path: [field], code: 'invalid_reference', message: `No such ${field}: ${String(value)}` }],
  })
}
