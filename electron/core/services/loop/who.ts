import type { CallMeta } from '../../../../shared/api'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { getSettings } from '../settings'
import { requireUser } from '../references'

/** The user a personal view is for: the one named, else the caller, else the workspace's current user. */
export function resolveUser(core: Core, meta: CallMeta, userId?: number): number {
  const resolved = userId ?? meta.userId ?? getSettings(core).currentUserId
  if (resolved === null) {
    throw new AppError('VALIDATION', { issues: [{ path: ['userId'], code: 'required', message: 'Which user is this for?' }] })
  }
  requireUser(core, 'userId', resolved)
  return resolved
}

/** Today's calendar date on the workspace clock, read in UTC like the date presets. */
export function todayOf(core: Core): string {
  return core.clock().toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
