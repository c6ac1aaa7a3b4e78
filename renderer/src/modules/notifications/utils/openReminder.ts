import type { ReminderClick } from '../../../../../shared/transport'
import { openRecord } from '../../opportunity/states/recordOpener'
import { reminderTarget } from './reminderTarget'

/** Opens what a reminder is about, from the bell or from a click on its desktop notification. */
export function openReminder(reminder: ReminderClick): void {
  const target = reminderTarget(reminder)
  if (target.kind === 'record') openRecord(target.record)
  else window.location.assign(`#/${target.route}`)
}
