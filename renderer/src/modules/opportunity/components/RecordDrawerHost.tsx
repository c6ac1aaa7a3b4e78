import { AnyRecordDrawer } from '../../records/components/AnyRecordDrawer'
import { openedRecord } from '../states/recordOpener'

/** Shows the record openRecord asked for; mounted once in the shell. */
export function RecordDrawerHost() {
  const record = openedRecord.use()
  if (!record) return null
  return <AnyRecordDrawer key={`${record.entityType}:${record.entityId}`} entityType={record.entityType} entityId={record.entityId} onClose={() => openedRecord.set(null)} />
}
