import type { RecordType } from '../../../../../shared/methods/loop'
import { sharedState } from '../../followUps/states/sharedState'

export interface OpenedRecord {
  entityType: RecordType
  entityId: number
}

export const openedRecord = sharedState<OpenedRecord | null>(null)

/** Opens a record in its drawer from anywhere (My Day, the bell, a grid row, a new repurchase deal). */
export function openRecord(record: OpenedRecord): void {
  openedRecord.set(record)
}
