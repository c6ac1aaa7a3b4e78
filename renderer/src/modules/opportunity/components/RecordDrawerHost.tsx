import { useEffect } from 'react'
import type { RecordType } from '../../../../../shared/methods/loop'
import type { Route } from '../../app/utils/routes'
import { LeadDrawer } from '../../leads/components/LeadDrawer'
import { openedRecord } from '../states/recordOpener'
import { OpportunityDetailDrawer } from './OpportunityDetailDrawer'

/** Records without a drawer of their own open on their list screen. */
const routeOf: Partial<Record<RecordType, Route>> = { account: 'accounts', contact: 'contacts' }

/** Shows the record openRecord asked for; mounted once in the shell. */
export function RecordDrawerHost() {
  const record = openedRecord.use()
  const listRoute = record ? routeOf[record.entityType] : undefined
  const close = () => openedRecord.set(null)

  useEffect(() => {
    if (!listRoute) return
    window.location.assign(`#/${listRoute}`)
    openedRecord.set(null)
  }, [listRoute])

  if (record?.entityType === 'opportunity') return <OpportunityDetailDrawer key={record.entityId} opportunityId={record.entityId} onClose={close} />
  if (record?.entityType === 'lead') return <LeadDrawer key={record.entityId} leadId={record.entityId} onClose={close} />
  return null
}
