import type { RecordType } from '../../../../../shared/methods/loop'
import { AnyRecordDrawer } from '../../records/components/AnyRecordDrawer'

export interface OpenRecord {
  entityType: RecordType
  id: number
  title?: string
  subtitle?: string | null
  phone?: string | null
  email?: string | null
}

/** Opens a found record (a search hit, a duplicate match) in its own drawer. */
export function RecordDrawer({ record, onClose }: { record: OpenRecord; onClose(): void }) {
  return <AnyRecordDrawer entityType={record.entityType} entityId={record.id} onClose={onClose} />
}
