import type { Opportunity } from '../../../../../shared/entities'
import { api } from '../../../api/client'
import { RecordCustomFields } from './RecordCustomFields'

/** The record drawer's custom fields of a deal: edited in place and saved as one update. */
export function OpportunityCustomFields({ deal }: { deal: Opportunity }) {
  return (
    <RecordCustomFields
      entity="opportunity"
      record={deal}
      stageId={deal.stageId}
      onSave={(custom) => api.call('opportunities.update', { id: deal.id, version: deal.version, patch: { custom } })}
    />
  )
}
