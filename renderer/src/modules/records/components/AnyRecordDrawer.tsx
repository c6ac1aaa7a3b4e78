import type { RecordType } from '../../../../../shared/methods/loop'
import { LeadDrawer } from '../../leads/components/LeadDrawer'
import { OpportunityDetailDrawer } from '../../opportunity/components/OpportunityDetailDrawer'
import { AccountDrawer } from './AccountDrawer'
import { ContactDrawer } from './ContactDrawer'

interface Props {
  entityType: RecordType
  entityId: number
  onClose(): void
}

/** Any record in its own drawer: search results, the bell, links between records. */
export function AnyRecordDrawer({ entityType, entityId, onClose }: Props) {
  switch (entityType) {
    case 'lead':
      return <LeadDrawer leadId={entityId} onClose={onClose} />
    case 'opportunity':
      return <OpportunityDetailDrawer opportunityId={entityId} onClose={onClose} />
    case 'account':
      return <AccountDrawer accountId={entityId} onClose={onClose} />
    case 'contact':
      return <ContactDrawer contactId={entityId} onClose={onClose} />
  }
}
