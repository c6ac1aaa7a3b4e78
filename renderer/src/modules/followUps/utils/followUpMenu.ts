import type { GridEntity } from '../../../../../shared/enums'
import { RecordType } from '../../../../../shared/methods/loop'
import { recordTitle } from '../../grid/utils/entityFacts'
import { openFollowUpEntry } from '../states/followUpEntry'

export const FOLLOW_UP_MENU_KEY = 'followUp'

/** The grids' row action "记录跟进", on grids whose rows a follow-up can be logged against. */
export function followUpMenuItems(entity: GridEntity, label: string): { key: string; label: string }[] {
  return RecordType.safeParse(entity).success ? [{ key: FOLLOW_UP_MENU_KEY, label }] : []
}

/** Opens the quick entry for the grid row under the cursor. */
export function openFollowUpForRow(entity: GridEntity, row: ({ id: number } & Record<string, unknown>) | undefined): void {
  const entityType = RecordType.safeParse(entity).data
  if (!entityType || !row) return
  openFollowUpEntry({ entityType, entityId: row.id, name: recordTitle(entity, row, row.id) })
}
