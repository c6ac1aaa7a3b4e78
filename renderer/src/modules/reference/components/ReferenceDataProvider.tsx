import { Spin } from 'antd'
import { useMemo, type ReactNode } from 'react'
import { useApiQuery } from '../../../api/useApiQuery'
import { ReferenceDataContext, type ReferenceData } from '../states/referenceDataContext'

// Pipelines, stages and picklists are configuration that no API call here changes.
const CONFIGURATION = { reads: [] } as const

export function ReferenceDataProvider({ children }: { children: ReactNode }) {
  const users = useApiQuery('users.list', {}, { reads: ['user'] })
  const pipelines = useApiQuery('pipelines.list', {}, CONFIGURATION)
  const stages = useApiQuery('stages.list', {}, CONFIGURATION)
  const picklists = useApiQuery('picklists.list', {}, CONFIGURATION)

  const value = useMemo<ReferenceData | null>(
    () =>
      users.data && pipelines.data && stages.data && picklists.data
        ? { users: users.data, pipelines: pipelines.data, stages: stages.data, picklists: picklists.data }
        : null,
    [users.data, pipelines.data, stages.data, picklists.data],
  )

  if (!value) return <Spin size="large" fullscreen />
  return <ReferenceDataContext.Provider value={value}>{children}</ReferenceDataContext.Provider>
}
