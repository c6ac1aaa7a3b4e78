import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { SavedView } from '../../../../../shared/entities'
import type { GridEntity } from '../../../../../shared/enums'
import { defaultViewState, fromViewState, sameState, type GridViewState } from '../../grid/utils/viewState'
import { SavedViewsMenu } from '../components/SavedViewsMenu'
import { useSavedViews } from './useSavedViews'

interface Remembered {
  viewId: number | null
  state: GridViewState
}

const storageKey = (entity: GridEntity) => `wb.gridView.${entity}`

/** The grid as it was left (per list, on this machine), so a reload shows the same sheet. */
function recall(entity: GridEntity): Remembered {
  try {
    const raw = window.localStorage.getItem(storageKey(entity))
    if (!raw) return { viewId: null, state: defaultViewState }
    const parsed = JSON.parse(raw) as Partial<Remembered>
    return { viewId: typeof parsed.viewId === 'number' ? parsed.viewId : null, state: fromViewState(entity, parsed.state) }
  } catch {
    return { viewId: null, state: defaultViewState }
  }
}

export interface GridView {
  state: GridViewState
  setState(next: GridViewState): void
  view: SavedView | null
  /** The saved views menu for the toolbar. */
  menu: ReactNode
}

/**
 * What a list shows and which saved view it came from. The grid and the
 * board share one, so switching between them keeps filters and the view.
 */
export function useGridView(entity: GridEntity): GridView {
  const saved = useSavedViews(entity)
  const [current, setCurrent] = useState<Remembered>(() => recall(entity))

  useEffect(() => {
    try {
      window.localStorage.setItem(storageKey(entity), JSON.stringify(current))
    } catch {
      // Storage may be full or off; the grid works without remembering.
    }
  }, [entity, current])

  const view = useMemo(() => saved.views.find((v) => v.id === current.viewId) ?? null, [saved.views, current.viewId])
  const setState = useCallback((state: GridViewState) => setCurrent((prev) => ({ ...prev, state })), [])
  const apply = useCallback(
    (next: SavedView | null, keepState?: boolean) =>
      setCurrent((prev) => ({ viewId: next?.id ?? null, state: keepState ? prev.state : fromViewState(entity, next?.state) })),
    [entity],
  )
  const dirty = !sameState(current.state, view ? fromViewState(entity, view.state) : defaultViewState)

  return {
    state: current.state,
    setState,
    view,
    menu: <SavedViewsMenu saved={saved} current={view} state={current.state} dirty={dirty} onApply={apply} />,
  }
}
