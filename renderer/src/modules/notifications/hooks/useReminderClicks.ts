import { useEffect, useEffectEvent } from 'react'
import type { ReminderClick } from '../../../../../shared/transport'
import { openReminder } from '../utils/openReminder'

/**
 * Opens the record of a reminder whose desktop notification was clicked
 * (main has already brought the window forward) and marks it seen, as the
 * bell does. The web host shows no desktop notifications, so there this does nothing.
 */
export function useReminderClicks(markSeen: (taskIds: number[]) => Promise<void>): void {
  const open = useEffectEvent((reminder: ReminderClick) => {
    openReminder(reminder)
    void markSeen([reminder.taskId])
  })
  useEffect(() => window.workbench?.onReminderClick?.((reminder) => open(reminder)), [])
}
