import { describe, expect, it } from 'vitest'
import {
  defaultViewState,
  fromViewState,
  layoutOf,
  ME,
  queryFilters,
  resolveColumns,
  sameState,
  toGridQuery,
  withColumnFilter,
} from '../../renderer/src/modules/grid/utils/viewState'

describe('grid view state', () => {
  it('drops columns a saved view names that the grid no longer has', () => {
    const state = fromViewState('opportunity', {
      filters: [{ column: 'gone', op: 'equals', value: 1 }, { column: 'ownerId', op: 'me' }],
      sort: [{ column: 'gone', desc: true }, { column: 'amount', desc: true }],
      columns: [{ key: 'gone' }, { key: 'amount', width: 200 }],
      pinned: 2,
      groupBy: 'gone',
    })
    expect(state.filters).toEqual([{ column: 'ownerId', op: 'me' }])
    expect(state.sort).toEqual([{ column: 'amount', desc: true }])
    expect(state.columns).toEqual([{ key: 'amount', width: 200 }])
    expect(state.groupBy).toBeNull()
    expect(state.pinned).toBe(2)
  })

  it('resolves the layout: the view order first, then the rest in contract order', () => {
    const columns = resolveColumns('task', [{ key: 'status', width: 90, hidden: true }, { key: 'title' }], () => 100)
    expect(columns.map((c) => c.column.key)).toEqual(['status', 'title', 'dueDate', 'assigneeId', 'priority', 'doneAt', 'createdAt', 'updatedAt'])
    expect(columns[0]).toMatchObject({ width: 90, hidden: true })
    expect(columns[1]).toMatchObject({ width: 100, hidden: false })
    expect(layoutOf(columns).slice(0, 2)).toEqual([{ key: 'status', width: 90, hidden: true }, { key: 'title', width: 100 }])
  })

  it('replaces one column filter and leaves the others', () => {
    let state = withColumnFilter(defaultViewState, 'name', { op: 'contains', value: 'ERP' })
    state = withColumnFilter(state, 'amount', { op: 'between', value: { from: 1, to: 2 } })
    state = withColumnFilter(state, 'name', { op: 'empty' })
    expect(state.filters).toEqual([
      { column: 'amount', op: 'between', value: { from: 1, to: 2 } },
      { column: 'name', op: 'empty' },
    ])
    expect(withColumnFilter(state, 'name', undefined).filters).toHaveLength(1)
  })

  it('swaps "me" in an owner list for the current user when querying', () => {
    const filters = [{ column: 'ownerId', op: 'in' as const, value: [ME, 4] }]
    expect(queryFilters(filters, 9)).toEqual([{ column: 'ownerId', op: 'in', value: [9, 4] }])
    expect(queryFilters(filters, null)).toEqual([{ column: 'ownerId', op: 'in', value: [4] }])
    const query = toGridQuery({ ...defaultViewState, filters, search: '  华东 ' }, 9, [{ column: 'stageId', op: 'in', value: [3] }])
    expect(query).toEqual({
      sort: [],
      filters: [
        { column: 'ownerId', op: 'in', value: [9, 4] },
        { column: 'stageId', op: 'in', value: [3] },
      ],
      search: '华东',
    })
  })

  it('tells whether two states show the same grid', () => {
    expect(sameState(defaultViewState, { ...defaultViewState })).toBe(true)
    expect(sameState(defaultViewState, { ...defaultViewState, groupBy: 'stageId' })).toBe(false)
  })
})
