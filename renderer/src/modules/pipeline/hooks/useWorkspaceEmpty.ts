import { useApiQuery } from '../../../api/useApiQuery'

const FIRST_ROW = { limit: 1, withTotal: false } as const
const READS = { reads: ['opportunity', 'account', 'lead'] as const }

/**
 * Whether the workspace has nothing to sell to yet (no deals, accounts or
 * leads): the moment to offer the demo. One row of each is enough to know,
 * which stays instant at 100,000 deals where counting everything does not.
 * Undefined until all three have answered.
 */
export function useWorkspaceEmpty(): boolean | undefined {
  const deals = useApiQuery('opportunities.list', FIRST_ROW, READS)
  const accounts = useApiQuery('accounts.list', FIRST_ROW, READS)
  const leads = useApiQuery('leads.list', FIRST_ROW, READS)
  if (!deals.data || !accounts.data || !leads.data) return undefined
  return deals.data.rows.length === 0 && accounts.data.rows.length === 0 && leads.data.rows.length === 0
}
