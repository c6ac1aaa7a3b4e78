import { Spin } from 'antd'
import { useCallback, useMemo, type ReactNode } from 'react'
import { useApiQuery } from '../../../api/useApiQuery'
import { useCustomFieldsLoaded } from '../../customFields/hooks/useCustomFields'
import { ReferenceDataContext, type ReferenceData } from '../states/referenceDataContext'

// Pipelines, stages and picklists change only in Settings, which calls `refresh` after each write.
const CONFIGURATION = { reads: [] } as const

export function ReferenceDataProvider({ children }: { children: ReactNode }) {
  const users = useApiQuery('users.list', {}, { reads: ['user'] })
  const pipelines = useApiQuery('pipelines.list', {}, CONFIGURATION)
  const stages = useApiQuery('stages.list', {}, CONFIGURATION)
  const picklists = useApiQuery('picklists.list', {}, CONFIGURATION)

  const { refetch: refetchPipelines } = pipelines
  const { refetch: refetchStages } = stages
  const { refetch: refetchPicklists } = picklists
  const refresh = useCallback(() => {
    refetchPipelines()
    refetchStages()
    refetchPicklists()
  }, [refetchPipelines, refetchStages, refetchPicklists])

  const value = useMemo<ReferenceData | null>(
    () =>
      users.data && pipelines.data && stages.data && picklists.data
        ? { users: users.data, pipelines: pipelines.data, stages: stages.data, picklists: picklists.data, refresh }
        : null,
    [users.data, pipelines.data, stages.data, picklists.data, refresh],
  )

  // Grids restore saved views at mount: their custom columns must be known by then.
  const customFieldsLoaded = useCustomFieldsLoaded()
  if (!value || !customFieldsLoaded) return <Spin size="large" fullscreen />
  return <ReferenceDataContext.Provider value={value}>{children}</ReferenceDataContext.Provider>
}
