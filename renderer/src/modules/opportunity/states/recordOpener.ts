import type { RecordType } from '../../../../../shared/methods/loop'
import { sharedState } from '../../followUps/states/sharedState'

export interface OpenedRecord {
  entityType: RecordType
  entityId: number
}

export const openedRecord = sharedState<OpenedRecord | null>(null)

/** Opens a record from anywhere (My Day, the bell, a new repurchase deal): deals in their drawer. */
export function openRecord(record: OpenedRecord): void {
  openedRecord.set(record)
}
