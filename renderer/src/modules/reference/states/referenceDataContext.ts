import { createContext } from 'react'
import type { PicklistItem, Pipeline, Stage, User } from '../../../../../shared/entities'

/** The small lists every screen uses to turn ids and codes into words. */
export interface ReferenceData {
  users: User[]
  pipelines: Pipeline[]
  stages: Stage[]
  picklists: PicklistItem[]
  /** Reloads pipelines, stages and picklists after Settings changed them. */
  refresh(): void
}

export const ReferenceDataContext = createContext<ReferenceData | null>(null)
