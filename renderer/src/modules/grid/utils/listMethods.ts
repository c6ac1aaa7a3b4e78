import type { MethodInput, MethodOutput } from '../../../../../shared/api'
import type { GridEntity } from '../../../../../shared/enums'
import type { WindowQuery } from '../../../../../shared/query'
import { api } from '../../../api/client'
import { flattenCustom } from '../../customFields/utils/customColumns'

/** The window-query method behind each grid. */
export const listMethods = {
  opportunity: 'opportunities.list',
  lead: 'leads.list',
  account: 'accounts.list',
  contact: 'contacts.list',
  activity: 'activities.list',
  task: 'tasks.list',
} as const satisfies Record<GridEntity, string>

type ListMethod = (typeof listMethods)[GridEntity]
export type GridRow = MethodOutput<ListMethod>['rows'][number]
/** One window of any grid: the contract's window result with the rows of any entity. */
export type GridWindow = Omit<MethodOutput<ListMethod>, 'rows'> & { rows: GridRow[] }

/** Fetches one window of rows for any grid entity. */
export async function fetchWindow(entity: GridEntity, query: WindowQuery): Promise<GridWindow> {
  // The column keys in `query` come from GridColumns[entity], the same whitelist each
  // method's input schema is built from; the union of six inputs does not narrow by entity.
  const window = await api.call(listMethods[entity] as 'opportunities.list', query as MethodInput<'opportunities.list'>)
  return { ...window, rows: window.rows.map(flattenCustom) }
}
