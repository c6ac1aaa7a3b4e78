import type { RecordType } from '../../../../../shared/methods/loop'
import { sharedState } from './sharedState'

/** The record a follow-up is logged against. */
export interface FollowUpTarget {
  entityType: RecordType
  entityId: number
  /** Shown in the dialog's title. */
  name: string
}

export const followUpEntry = sharedState<FollowUpTarget | null>(null)

/** Opens the follow-up quick entry for a record (one dialog for the whole window). */
export function openFollowUpEntry(target: FollowUpTarget): void {
  followUpEntry.set(target)
}
