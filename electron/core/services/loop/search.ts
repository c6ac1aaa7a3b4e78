import type { ParsedInput } from '../../../../shared/api'
import type { RecordType, SearchGroup } from '../../../../shared/methods/loop'
import type { Core } from '../../core'
import { mayBeName, searchMatchExpression } from '../../domain/searchText'
import { searchHits, searchIds } from '../../store/loop/search'

/** The order the groups are shown in. */
const groupOrder: readonly RecordType[] = ['account', 'contact', 'lead', 'opportunity']

/** Ctrl+K: accounts, contacts, leads and deals by name, company, phone or email, one group per type. */
export function globalSearch(core: Core, input: ParsedInput<'search.global'>): { groups: SearchGroup[] } {
  const match = searchMatchExpression(input.query)
  if (match === null) return { groups: groupOrder.map((entityType) => ({ entityType, items: [], more: false })) }
  const namesFirst = mayBeName(input.query)
  return {
    groups: groupOrder.map((entityType) => {
      const { ids, more } = searchIds(core.db, entityType, match, input.limit, namesFirst)
      return { entityType, items: searchHits(core.db, entityType, ids), more }
    }),
  }
}
