import type { ColumnDef } from '../../../../../shared/columns'
import { GridEntity } from '../../../../../shared/enums'
import { fetchWindow } from '../../grid/utils/listMethods'
import { contractColumns } from '../../grid/utils/viewState'

/** Every grid column whose values come from the list: built-in picklist columns and custom fields. */
export function columnsUsing(listKey: string): { entity: GridEntity; column: ColumnDef }[] {
  return GridEntity.options.flatMap((entity) =>
    contractColumns(entity)
      .filter((column) => column.type === 'picklist' && column.options === listKey)
      .map((column) => ({ entity, column })),
  )
}

/** How many records hold the value in any column: what a merge would move. */
export async function countRecordsWith(listKey: string, value: string): Promise<number> {
  const totals = await Promise.all(
    columnsUsing(listKey).map(({ entity, column }) =>
      fetchWindow(entity, { offset: 0, limit: 1, withTotal: true, sort: [], filters: [{ column: column.key, op: 'in', value: [value] }] }).then(
        (window) => window.total ?? 0,
      ),
    ),
  )
  return totals.reduce((sum, n) => sum + n, 0)
}
