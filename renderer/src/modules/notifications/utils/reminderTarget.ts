import type { ReminderClick } from '../../../../../shared/transport'
import type { Route } from '../../app/utils/routes'
import type { OpenedRecord } from '../../opportunity/states/recordOpener'

/** Where a reminder leads: the record it is about, or the follow-ups screen for a task about no record. */
export type ReminderTarget = { kind: 'record'; record: OpenedRecord } | { kind: 'route'; route: Route }

export function reminderTarget({ entityType, entityId }: ReminderClick): ReminderTarget {
  if (entityType !== null && entityId !== null) return { kind: 'record', record: { entityType, entityId } }
  return { kind: 'route', route: 'follow-ups' }
}
