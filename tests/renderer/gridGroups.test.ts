import { describe, expect, it } from 'vitest'
import { findColumn, type ColumnDef } from '../../shared/columns'
import { groupableColumns, groupFilter, groupId, itemAt, layoutGroups } from '../../renderer/src/modules/grid/utils/groups'
import { GridColumns } from '../../shared/columns'

const col = (key: string) => findColumn('opportunity', key) as ColumnDef

describe('grouping', () => {
  it('offers stage, owner, source and close month among the groupable columns', () => {
    const keys = groupableColumns(GridColumns.opportunity as readonly ColumnDef[]).map((c) => c.key)
    expect(keys).toEqual(expect.arrayContaining(['stageId', 'ownerId', 'source', 'expectedCloseDate']))
    expect(keys).not.toContain('name')
    expect(keys).not.toContain('amount')
  })

  it('turns a group into the filter that loads its rows', () => {
    expect(groupFilter(col('stageId'), 12)).toEqual({ column: 'stageId', op: 'in', value: [12] })
    expect(groupFilter(col('source'), null)).toEqual({ column: 'source', op: 'empty' })
    expect(groupFilter(col('expectedCloseDate'), '2025-02')).toEqual({
      column: 'expectedCloseDate',
      op: 'between',
      value: { from: '2025-02-01', to: '2025-02-28' },
    })
    expect(groupFilter(col('expectedCloseDate'), '2024-02')).toMatchObject({ value: { to: '2024-02-29' } })
  })

  it('lays groups out as headers followed by their rows, collapsed ones without rows', () => {
    const groups = [
      { key: 1, count: 3, amount: 10, weightedAmount: 1 },
      { key: 2, count: 0, amount: null, weightedAmount: null },
      { key: null, count: 2, amount: 5, weightedAmount: 2 },
    ]
    const { sections, length } = layoutGroups(groups, new Set([groupId(2)]))
    expect(length).toBe(1 + 3 + 1 + 0 + 1 + 2)
    expect(itemAt(sections, 0)).toMatchObject({ kind: 'group', section: { id: groupId(1) } })
    expect(itemAt(sections, 3)).toMatchObject({ kind: 'row', offset: 2 })
    expect(itemAt(sections, 4)).toMatchObject({ kind: 'group', section: { id: groupId(2) } })
    expect(itemAt(sections, 5)).toMatchObject({ kind: 'group', section: { id: groupId(null) } })
    expect(itemAt(sections, 7)).toMatchObject({ kind: 'row', offset: 1 })
    expect(itemAt(sections, 8)).toBeUndefined()
    const collapsed = layoutGroups(groups, new Set([groupId(1), groupId(2), groupId(null)]))
    expect(collapsed.length).toBe(3)
  })
})
