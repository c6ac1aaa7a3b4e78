import type { GridViewState } from '../../grid/utils/viewState'

const isMineFilter = (filter: GridViewState['filters'][number]) => filter.column === 'ownerId' && filter.op === 'me'

/** Whether the lead grid shows only the current user's leads ("me" keeps the view portable between users). */
export function isMine(state: GridViewState): boolean {
  return state.filters.some(isMineFilter)
}

/** The view with the "my leads" owner filter on or off; any other owner filter gives way to it. */
export function withMine(state: GridViewState, mine: boolean): GridViewState {
  const others = state.filters.filter((f) => f.column !== 'ownerId')
  return { ...state, filters: mine ? [...others, { column: 'ownerId', op: 'me' }] : state.filters.filter((f) => !isMineFilter(f)) }
}
