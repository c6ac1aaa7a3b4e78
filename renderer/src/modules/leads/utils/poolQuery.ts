import type { MethodInput } from '../../../../../shared/api'

/** Leads still being worked: only these can be claimed or released. */
export const openLeadStatuses = ['new', 'contacted', 'qualified']

export type PoolScope = 'pool' | 'mine'

/** The window of leads the pool tab shows: unowned open leads, or the open ones the user holds. */
export function poolQuery(scope: PoolScope, userId: number | null, page: number, pageSize: number): MethodInput<'leads.list'> {
  const owner = scope === 'pool' ? { column: 'ownerId' as const, op: 'empty' as const } : { column: 'ownerId' as const, op: 'in' as const, value: [userId ?? -1] }
  return {
    offset: (page - 1) * pageSize,
    limit: pageSize,
    filters: [owner, { column: 'status', op: 'in', value: openLeadStatuses }],
    sort: [{ column: 'createdAt', desc: true }],
  }
}
