import type { CallMeta } from '../../../shared/api'
import type { Core } from '../core'
import type { WriteContext } from '../store/writeContext'

export function writeContext(core: Core, meta: CallMeta, batchId: string | null = null): WriteContext {
  return { userId: meta.userId, now: core.clock().toISOString(), batchId }
}

/** Runs `work` in one immediate transaction: writes that belong together commit together. */
export function inTransaction<T>(core: Core, work: () => T): T {
  return core.db.transaction(work).immediate()
}
