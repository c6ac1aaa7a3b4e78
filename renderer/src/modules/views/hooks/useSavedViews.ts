import { useCallback, useEffect, useRef } from 'react'
import type { SavedView } from '../../../../../shared/entities'
import type { GridEntity } from '../../../../../shared/enums'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import type { ViewState } from '../../../../../shared/query'
import { usePreferences } from '../../preferences/hooks/usePreferences'

export interface SavedViews {
  views: SavedView[]
  loading: boolean
  /** Creates a view (no id) or changes one the current user owns. */
  save(input: { id?: number; name: string; shared: boolean; state: ViewState }): Promise<SavedView>
  remove(id: number): Promise<void>
}

/** The views of one grid the current user may see: built-in, shared, and their own. */
export function useSavedViews(entity: GridEntity): SavedViews {
  // Views are per user, and the user is part of every call: a new user means a refetch.
  const query = useApiQuery('views.list', { entity }, { reads: ['user'] })
  const { refetch } = query
  const { currentUserId } = usePreferences()
  const seenUser = useRef(currentUserId)
  useEffect(() => {
    if (seenUser.current === currentUserId) return
    seenUser.current = currentUserId
    refetch()
  }, [currentUserId, refetch])

  const save = useCallback(
    async (input: { id?: number; name: string; shared: boolean; state: ViewState }) => {
      const view = await api.call('views.save', {
        ...(input.id !== undefined ? { id: input.id } : {}),
        entity,
        name: input.name,
        shared: input.shared,
        state: input.state,
      })
      refetch()
      return view
    },
    [entity, refetch],
  )

  const remove = useCallback(
    async (id: number) => {
      await api.call('views.delete', { id })
      refetch()
    },
    [refetch],
  )

  return { views: query.data ?? [], loading: query.loading, save, remove }
}
